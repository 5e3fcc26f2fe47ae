package no.fint.platform.demo.adapter;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code POST /provider/heartbeat} at once and then every contract interval. */
final class Heartbeats implements PeriodicTask {

    private final ProviderClient client;
    private final AdapterSettings settings;
    private final Console console;
    private final AtomicInteger sent = new AtomicInteger();

    Heartbeats(ProviderClient client, AdapterSettings settings, Console console) {
        this.client = client;
        this.settings = settings;
        this.console = console;
    }

    @Override
    public String name() {
        return "heartbeat";
    }

    @Override
    public Duration every() {
        return Duration.ofMinutes(settings.heartbeatMinutes());
    }

    @Override
    public void runOnce() {
        ProviderClient.Reply r = client.send("POST", "/provider/heartbeat", Registration.heartbeat(settings));
        if (r.ok()) {
            if (sent.incrementAndGet() == 1) {
                console.line("heartbeat: %d (then every %d min)", r.status(), settings.heartbeatMinutes());
            }
        } else {
            console.line("heartbeat: %d", r.status());
            console.body(r.body());
        }
    }

    /** Heartbeats the provider accepted. */
    int sent() {
        return sent.get();
    }
}
