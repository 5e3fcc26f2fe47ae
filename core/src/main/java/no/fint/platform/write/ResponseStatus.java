package no.fint.platform.write;

/** The adapter's verdict on a write, as v1's {@code ResponseStatus} names it. */
public enum ResponseStatus {
    ACCEPTED, REJECTED, ERROR, CONFLICT
}
