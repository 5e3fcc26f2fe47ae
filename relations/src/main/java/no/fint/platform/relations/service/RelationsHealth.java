package no.fint.platform.relations.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.fint.platform.service.KafkaProbe;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: Kafka answers and the start-up rebuild is done. Liveness: the engine and the channel run. */
public final class RelationsHealth {

    private RelationsHealth() {
    }

    @Readiness
    @ApplicationScoped
    public static class Ready implements HealthCheck {
        @Inject
        KafkaProbe kafka;
        @Inject
        RelationsEngine engine;

        @Override
        public HealthCheckResponse call() {
            boolean reachable = kafka.reachable();
            boolean rebuilt = engine.rebuilt();
            return HealthCheckResponse.named("relations").status(reachable && rebuilt)
                    .withData("kafka", reachable).withData("rebuilt", rebuilt).build();
        }
    }

    @Liveness
    @ApplicationScoped
    public static class Alive implements HealthCheck {
        @Inject
        RelationsEngine engine;
        @Inject
        EntityChannel channel;

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("relations-engine").status(engine.alive() && channel.alive())
                    .withData("engine", engine.alive()).withData("channel", channel.alive()).build();
        }
    }
}
