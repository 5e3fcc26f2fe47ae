package no.fint.platform.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.fint.platform.sync.SyncType;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.util.function.Supplier;

/**
 * The provider's metrics (Prometheus at /metrics): pages by sync type and outcome, resources
 * written, stale resources deleted, and the gauges other beans register (heartbeats, syncs).
 */
@ApplicationScoped
public class ProviderMetrics {

    private MetricRegistry registry;

    /** For CDI. */
    protected ProviderMetrics() {
    }

    @Inject
    public ProviderMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    /** {@code fint_provider_pages_total{type, outcome}}: outcome written, replayed, refused or unavailable. */
    public void page(SyncType type, String outcome) {
        registry.counter("fint.provider.pages", new Tag("type", type.name()), new Tag("outcome", outcome)).inc();
    }

    /** {@code fint_provider_resources_written_total{type}} (tombstones of delete pages included). */
    public void written(SyncType type, int resources) {
        registry.counter("fint.provider.resources.written", new Tag("type", type.name())).inc(resources);
    }

    /** {@code fint_provider_stale_deleted_total}: tombstones written when full syncs completed. */
    public void staleDeleted(long resources) {
        registry.counter("fint.provider.stale.deleted").inc(resources);
    }

    /** Registers a gauge once (a second registration with the same name and tags keeps the first). */
    public void gauge(String name, Supplier<? extends Number> value, Tag... tags) {
        registry.gauge(name, value::get, tags);
    }
}
