package no.fint.platform.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import no.fint.platform.records.Topics;
import no.fint.platform.service.TopicAdmin;
import no.fint.platform.service.auth.TokenAuthenticator;

import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * At start: load the token keys (a provider without token settings does not start), load contracts,
 * sync sessions and write requests from Kafka (in the background), register gauges, create the
 * heartbeat topic, start the sweepers.
 */
@ApplicationScoped
public class ProviderStartup {

    private static final Logger LOG = Logger.getLogger(ProviderStartup.class.getName());

    @Inject
    ContractStore contracts;
    @Inject
    SessionSweeper sweeper;
    @Inject
    HeartbeatRegistry heartbeats;
    @Inject
    TopicAdmin topics;
    @Inject
    WriteLedgerStore writes;
    @Inject
    EventSweeper events;
    @Inject
    TokenAuthenticator tokens;

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        tokens.start();
        try {
            topics.ensureEvents(Topics.heartbeats(), 1, TimeUnit.DAYS.toMillis(1));
        } catch (TopicAdmin.TopicException e) {
            LOG.warning("Cannot create " + Topics.heartbeats() + " now (created with the first heartbeat): " + e.getMessage());
        }
        contracts.start();
        sweeper.start();
        heartbeats.start();
        writes.start();
        events.start();
    }
}
