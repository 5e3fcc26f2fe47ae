package no.fint.platform.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.fint.platform.adapter.Contract;
import no.fint.platform.adapter.Liveness;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each adapter last sent a heartbeat (as the platform received it, never the adapter's own
 * clock), and whether it is alive per its contract ({@link Liveness}). Fed by {@link HeartbeatSink}
 * from the heartbeat topic, so every provider instance knows every adapter. Exposes the gauges
 * {@code fint_provider_adapters_heartbeat_missing} (how many are MISSING) and
 * {@code fint_provider_adapter_heartbeat_alive{adapterId,orgId}} (1 alive, 0 not).
 */
@ApplicationScoped
public class HeartbeatRegistry {

    private final Map<String, Long> last = new ConcurrentHashMap<>();
    private ContractStore contracts;
    private ProviderSettings settings;
    private ProviderMetrics metrics;
    private Clock clock;

    /** For CDI. */
    protected HeartbeatRegistry() {
    }

    @Inject
    public HeartbeatRegistry(ContractStore contracts, ProviderSettings settings, ProviderMetrics metrics, Clock clock) {
        this.contracts = contracts;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    void start() {
        metrics.gauge("fint.provider.adapters.heartbeat.missing", this::missing);
        contracts.onContract(c -> metrics.gauge("fint.provider.adapter.heartbeat.alive", () -> {
            Contract current = contracts.get(c.adapterId());
            return current != null && liveness(current) == Liveness.ALIVE ? 1 : 0;
        }, new Tag("adapterId", c.adapterId()), new Tag("orgId", c.orgId())));
    }

    /** A heartbeat of {@code adapterId} received at {@code at} (epoch ms). */
    public void beat(String adapterId, long at) {
        last.merge(adapterId, at, Math::max);
    }

    public Long lastHeartbeat(String adapterId) {
        return last.get(adapterId);
    }

    public Liveness liveness(Contract c) {
        return Liveness.of(c, last.get(c.adapterId()), settings.missedBeats(), clock.millis());
    }

    /** Registered adapters whose heartbeats are missing. */
    public long missing() {
        return contracts.all().stream().filter(c -> liveness(c) == Liveness.MISSING).count();
    }
}
