package no.fint.platform.demo.adapter;

import java.time.Duration;

/**
 * How the demo adapter answers client writes.
 *
 * @param poll           time between polls of {@code GET /provider/event/{domain}}; zero: writes are not answered
 * @param conflictMarker a request whose resource contains this text is answered as a conflict
 * @param errorMarker    a request whose resource contains this text is answered as failed (the source system's error)
 */
public record WriteSettings(Duration poll, String conflictMarker, String errorMarker) {

    public static final String CONFLICT_MARKER = "KONFLIKT";
    public static final String ERROR_MARKER = "FEIL";

    /** Polls every second; markers {@value #CONFLICT_MARKER} and {@value #ERROR_MARKER}. */
    public static WriteSettings defaults() {
        return new WriteSettings(Duration.ofSeconds(1), CONFLICT_MARKER, ERROR_MARKER);
    }

    /** Writes are not answered. */
    public static WriteSettings off() {
        return new WriteSettings(Duration.ZERO, CONFLICT_MARKER, ERROR_MARKER);
    }

    public boolean enabled() {
        return !poll.isZero() && !poll.isNegative();
    }

    public WriteSettings withPoll(Duration every) {
        return new WriteSettings(every, conflictMarker, errorMarker);
    }
}
