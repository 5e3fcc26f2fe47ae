package no.fint.platform.provider;

/** Kafka could not take or confirm a write in time: nothing may be promised to the caller (503). */
public final class Unavailable extends Exception {
    public Unavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
