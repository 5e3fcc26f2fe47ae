package no.fint.platform.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the cache, and the write log, have caught up with Kafka as of start. Liveness: the Kafka
 * readers and the write log's channel run.
 */
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

    /** The write log has been read up to where it ended at start: write statuses are complete. */
    @Readiness
    @ApplicationScoped
    public static class WriteLogRead implements HealthCheck {
        @Inject
        WriteLogSink log;

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("write-log-read").status(log.caughtUp())
                    .withData("writes", log.ledger().size()).withData("skipped", log.unreadable()).build();
        }
    }

    /** The write log's reactive messaging channel has not failed. */
    @Liveness
    @ApplicationScoped
    public static class WriteLogAlive implements HealthCheck {
        @Inject
        WriteLogSink log;

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("write-log-channel").status(log.failure() == null).build();
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
