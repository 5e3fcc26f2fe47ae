package no.fint.platform.demo.adapter;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs the adapter's periodic tasks on daemon threads until closed. */
final class Tasks implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "demo-adapter-task");
        t.setDaemon(true);
        return t;
    });
    private final Console console;

    Tasks(Console console) {
        this.console = console;
    }

    void start(PeriodicTask task) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                task.runOnce();
            } catch (RuntimeException e) {
                console.line("%s failed: %s", task.name(), e.getMessage()); // the next run tries again
            }
        }, 0, task.every().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
