package no.fint.platform.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.fint.platform.service.KafkaProbe;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when Kafka answers and the contracts, sync sessions and write requests are loaded from it:
 * before that the provider could only refuse syncs and polls (or, worse, forget a sync in progress,
 * hand out a leased request again or expire an answered one).
 */
@Readiness
@ApplicationScoped
public class ProviderHealth implements HealthCheck {

    @Inject
    KafkaProbe kafka;
    @Inject
    ContractStore contracts;
    @Inject
    SessionStore sessions;
    @Inject
    WriteLedgerStore writes;

    @Override
    public HealthCheckResponse call() {
        boolean up = kafka.reachable() && contracts.loaded() && sessions.loaded() && writes.loaded();
        return HealthCheckResponse.named("kafka").status(up)
                .withData("contractsLoaded", contracts.loaded())
                .withData("sessionsLoaded", sessions.loaded())
                .withData("writeRequestsLoaded", writes.loaded())
                .build();
    }
}
