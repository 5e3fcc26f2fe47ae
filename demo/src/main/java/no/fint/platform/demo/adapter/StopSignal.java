package no.fint.platform.demo.adapter;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Asks a running adapter to stop (INT/TERM, or a test); waits made through it end at once. Not final:
 * a test records the waits asked for, instead of timing them.
 */
public class StopSignal {

    private final CountDownLatch stopped = new CountDownLatch(1);

    public void stop() {
        stopped.countDown();
    }

    public boolean requested() {
        return stopped.getCount() == 0;
    }

    /** Sleeps for {@code d} or until a stop is requested; true when stopped. */
    public boolean await(Duration d) {
        try {
            return stopped.await(Math.max(0, d.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            return true;
        }
    }
}
