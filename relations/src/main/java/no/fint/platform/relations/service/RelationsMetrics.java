package no.fint.platform.relations.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.util.function.Supplier;

/**
 * The service's MP Metrics, per organisation (the organisation part of the topic name, {@code fint-no}).
 * Produced and applied edges can be compared with the records read to find lost work (FINT v2 needed
 * several counters for that).
 */
@ApplicationScoped
public class RelationsMetrics {

    private MetricRegistry registry;
    private final java.util.Map<String, org.eclipse.microprofile.metrics.Counter> cache = new java.util.concurrent.ConcurrentHashMap<>();

    /** For CDI. */
    protected RelationsMetrics() {
    }

    @Inject
    public RelationsMetrics(@RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry registry) {
        this.registry = registry;
    }

    /** An entity record read and applied (catch-up or live). */
    public void record(String org) {
        counter("fint.relations.records", "Entity records applied", org).inc();
    }

    /** A record that could not be read; the service skipped it and went on. */
    public long poison(String org, String reason) {
        org.eclipse.microprofile.metrics.Counter c = registry.counter(Metadata.builder().withName("fint.relations.poison.records")
                .withDescription("Entity records skipped because they could not be read").build(), new Tag("org", org), new Tag("reason", reason));
        c.inc();
        return c.getCount();
    }

    /** A link of a maintained relation that names no valid target. */
    public long ignoredLink(String org) {
        org.eclipse.microprofile.metrics.Counter c = counter("fint.relations.links.ignored", "Links of maintained relations that name no valid target", org);
        c.inc();
        return c.getCount();
    }

    /** A version older than the one already applied to its source. */
    public void staleVersion(String org) {
        counter("fint.relations.versions.stale", "Versions ignored because a newer one was already applied", org).inc();
    }

    /** Edge records acknowledged by Kafka: values written or tombstones. */
    public void edgesAcknowledged(String org, long written, long removed) {
        if (written > 0) {
            counter("fint.relations.edges.written", "Edge records written (acknowledged by Kafka)", org).inc(written);
        }
        if (removed > 0) {
            counter("fint.relations.edges.removed", "Edge tombstones written (acknowledged by Kafka)", org).inc(removed);
        }
    }

    /** A write Kafka did not acknowledge; the service rebuilds its state from Kafka and goes on. */
    public void writeFailure() {
        registry.counter(Metadata.builder().withName("fint.relations.write.failures")
                .withDescription("Edge writes Kafka did not acknowledge (each triggers a rebuild)").build()).inc();
    }

    public void rebuilt() {
        registry.counter(Metadata.builder().withName("fint.relations.rebuilds")
                .withDescription("Rebuilds of the state from Kafka (start-up and after write failures)").build()).inc();
    }

    /** Gauges read from the engine. */
    public void gauges(Supplier<Long> edges, Supplier<Long> sources, Supplier<Double> lastRebuildSeconds) {
        registry.gauge(Metadata.builder().withName("fint.relations.edges").withDescription("Edges held (and in Kafka)").build(), edges);
        registry.gauge(Metadata.builder().withName("fint.relations.sources").withDescription("Source resources tracked").build(), sources);
        registry.gauge(Metadata.builder().withName("fint.relations.rebuild.seconds")
                .withDescription("Duration of the last rebuild of the state from Kafka").build(), lastRebuildSeconds);
    }

    private org.eclipse.microprofile.metrics.Counter counter(String name, String description, String org) {
        return cache.computeIfAbsent(name + ' ' + org, k ->
                registry.counter(Metadata.builder().withName(name).withDescription(description).build(), new Tag("org", org)));
    }
}
