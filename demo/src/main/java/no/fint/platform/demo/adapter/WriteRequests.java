package no.fint.platform.demo.adapter;

import java.time.Duration;

/** Polls for write requests and answers them ({@link WriteAnswerer}) on its own schedule, next to the heartbeats. */
final class WriteRequests implements PeriodicTask {

    private final WriteAnswerer answerer;
    private final Duration every;

    WriteRequests(WriteAnswerer answerer, Duration every) {
        this.answerer = answerer;
        this.every = every;
    }

    @Override
    public String name() {
        return "write requests";
    }

    @Override
    public Duration every() {
        return every;
    }

    @Override
    public void runOnce() {
        answerer.pollOnce();
    }
}
