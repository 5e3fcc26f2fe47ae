package no.fint.platform.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Metrics of the client-write path (Prometheus at /metrics). */
@ApplicationScoped
public class EventMetrics {

    private MetricRegistry registry;

    /** For CDI. */
    protected EventMetrics() {
    }

    @Inject
    public EventMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    /** {@code fint_provider_event_leases_total}: requests handed to a polling adapter. */
    void leased(int n) {
        registry.counter("fint.provider.event.leases").inc(n);
    }

    /**
     * {@code fint_provider_event_answers_total{outcome}}: accepted, rejected, error, conflict (recorded),
     * invalid, refused (contract or organisation), unknown, late (second answer or after expiry).
     */
    void answer(String outcome) {
        registry.counter("fint.provider.event.answers", new Tag("outcome", outcome)).inc();
    }

    /** {@code fint_provider_event_expired_total}: requests nobody answered before their deadline. */
    void expired(int n) {
        registry.counter("fint.provider.event.expired").inc(n);
    }

    void gauge(String name, java.util.function.Supplier<? extends Number> value) {
        registry.gauge(name, value::get);
    }
}
