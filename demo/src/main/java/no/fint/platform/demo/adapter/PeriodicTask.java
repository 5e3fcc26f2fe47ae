package no.fint.platform.demo.adapter;

import java.time.Duration;

/**
 * Something the adapter does on its own schedule next to the sync loop: the heartbeats now; polling
 * and answering write requests ({@code GET /provider/event/...}, {@code POST /provider/event}) when the
 * client-writes issue adds it, as one more task, without touching the sync loop.
 */
interface PeriodicTask {

    String name();

    /** Time between the end of one run and the start of the next (the first run is at once). */
    Duration every();

    /** One run; it reports its own outcome on the console. Exceptions are reported by the scheduler. */
    void runOnce();
}
