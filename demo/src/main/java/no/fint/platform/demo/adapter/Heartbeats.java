package no.fint.platform.demo.adapter;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Sends a heartbeat at once and then every contract interval, on its own daemon thread. */
final class Heartbeats implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-adapter-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final ProviderClient client;
    private final AdapterSettings settings;
    private final Console console;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    Heartbeats(ProviderClient client, AdapterSettings settings, Console console) {
        this.client = client;
        this.settings = settings;
        this.console = console;
    }

    void start() {
        timer.scheduleAtFixedRate(this::beat, 0, settings.heartbeatMinutes(), TimeUnit.MINUTES);
    }

    private void beat() {
        try {
            ProviderClient.Reply r = client.send("POST", "/provider/heartbeat", Registration.heartbeat(settings));
            if (r.ok()) {
                if (sent.incrementAndGet() == 1) {
                    console.line("heartbeat: %d (then every %d min)", r.status(), settings.heartbeatMinutes());
                }
            } else {
                failed.incrementAndGet();
                console.line("heartbeat: %d", r.status());
                console.body(r.body());
            }
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            console.line("heartbeat failed: %s", e.getMessage());
        }
    }

    int sent() {
        return sent.get();
    }

    int failed() {
        return failed.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
