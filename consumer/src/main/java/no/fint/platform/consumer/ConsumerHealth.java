package no.fint.platform.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: the cache has caught up with Kafka as of start. Liveness: the Kafka reader runs. */
public final class ConsumerHealth {

    private ConsumerHealth() {
    }

    @Readiness
    @ApplicationScoped
    public static class CacheReady implements HealthCheck {
        @Inject
        TopicSink sink;

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("cache-rebuilt").status(sink.ready())
                    .withData("records", sink.applied()).withData("skipped", sink.rejected()).build();
        }
    }

    @Liveness
    @ApplicationScoped
    public static class SinkAlive implements HealthCheck {
        @Inject
        TopicSink sink;

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("kafka-reader").status(sink.alive()).build();
        }
    }
}
