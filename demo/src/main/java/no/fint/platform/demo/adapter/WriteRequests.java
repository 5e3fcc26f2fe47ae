package no.fint.platform.demo.adapter;

import java.time.Duration;

/**
 * Polls for write requests and answers them ({@link WriteAnswerer}) on its own thread, next to the
 * heartbeats: round after round, each a long poll that {@link WriteAnswerer#pollOnce} paces itself.
 */
final class WriteRequests implements PeriodicTask {

    private final WriteAnswerer answerer;

    WriteRequests(WriteAnswerer answerer) {
        this.answerer = answerer;
    }

    @Override
    public String name() {
        return "write requests";
    }

    @Override
    public Duration every() {
        return Duration.ofMillis(1); // the next round at once: a round waits in the provider, or paces itself
    }

    @Override
    public void runOnce() {
        answerer.pollOnce();
    }
}
