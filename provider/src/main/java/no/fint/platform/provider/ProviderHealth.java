package no.fint.platform.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.fint.platform.service.KafkaProbe;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when Kafka answers: without it the provider can only refuse writes. */
@Readiness
@ApplicationScoped
public class ProviderHealth implements HealthCheck {

    @Inject
    KafkaProbe kafka;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("kafka").status(kafka.reachable()).build();
    }
}
