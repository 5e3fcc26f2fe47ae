package no.fint.platform.relations.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.fint.platform.service.KafkaProbe;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when Kafka answers: all of the service's work is on Kafka. */
@Readiness
@ApplicationScoped
public class RelationsHealth implements HealthCheck {

    @Inject
    KafkaProbe kafka;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("kafka").status(kafka.reachable()).build();
    }
}
