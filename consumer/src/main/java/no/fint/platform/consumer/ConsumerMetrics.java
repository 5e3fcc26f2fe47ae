package no.fint.platform.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import no.fint.platform.cache.OrgCache;
import no.fint.platform.cache.ResourceStore;
import no.fint.platform.model.Component;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.util.function.Supplier;

/**
 * The consumer's metrics (Prometheus at /metrics), all gauges read from the cache and its Kafka
 * readers when scraped, tagged with the organisation: whether the cache has caught up and how long
 * that took, records applied and skipped, the readers' lag, and resources cached per type. What an
 * operator asks first about a consumer: is it current, is it complete, is bad data arriving.
 */
@ApplicationScoped
public class ConsumerMetrics {

    private MetricRegistry registry;
    private TopicSink sink;
    private OrgCache cache;

    /** For CDI. */
    protected ConsumerMetrics() {
    }

    @Inject
    public ConsumerMetrics(@RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry registry, TopicSink sink, OrgCache cache) {
        this.registry = registry;
        this.sink = sink;
        this.cache = cache;
    }

    void register(@Observes @Initialized(ApplicationScoped.class) Object event) {
        Tag org = new Tag("org", cache.orgId());
        gauge("fint.consumer.ready", "1 once the cache has caught up with Kafka as of start, else 0",
                () -> sink.ready() ? 1 : 0, org);
        gauge("fint.consumer.rebuild.seconds", "Seconds from the readers' start until the cache had caught up (NaN before)",
                () -> sink.ready() ? sink.rebuildMillis() / 1000.0 : Double.NaN, org);
        gauge("fint.consumer.records.applied", "Entity and relation records applied to the cache since start",
                sink::applied, org);
        gauge("fint.consumer.records.skipped", "Records skipped because they could not be read (each is logged)",
                sink::rejected, org);
        gauge("fint.consumer.lag.records", "Records in Kafka not yet applied, as the readers' last fetches saw the partitions' ends",
                sink::lag, org);
        for (Component c : cache.components()) {
            for (ResourceStore s : cache.stores(c)) {
                gauge("fint.consumer.resources", "Resources cached, per resource type", s::size, org, new Tag("resource", s.type().path()));
            }
        }
    }

    private void gauge(String name, String description, Supplier<? extends Number> value, Tag... tags) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(), value::get, tags);
    }
}
