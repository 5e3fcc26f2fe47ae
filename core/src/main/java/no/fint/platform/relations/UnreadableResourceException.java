package no.fint.platform.relations;

/** A resource record whose value is not a readable JSON object (a poison record). */
public final class UnreadableResourceException extends Exception {
    public UnreadableResourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
