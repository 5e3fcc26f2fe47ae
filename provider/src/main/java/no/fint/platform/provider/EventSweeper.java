package no.fint.platform.provider;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.fint.platform.write.WriteEvent;
import no.fint.platform.write.WriteLedger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@code fint.provider.event.sweep-interval}: expires the requests whose deadline passed
 * unanswered (the ledger claims them, the expiry records are written, then applied; one that cannot
 * be written is released and tried again next time), and forgets decided requests after
 * {@code fint.provider.event.keep}. Does nothing before the write logs are read (a restarted provider
 * must not expire a request whose answer it has not read yet).
 */
@ApplicationScoped
public class EventSweeper {

    private static final Logger LOG = Logger.getLogger(EventSweeper.class.getName());

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
            .name("fint-event-sweeper").unstarted(r));
    private WriteLedgerStore store;
    private WriteLogSource source;
    private EventSettings settings;
    private EventMetrics metrics;
    private Clock clock;
    private boolean started;

    /** For CDI. */
    protected EventSweeper() {
    }

    @Inject
    public EventSweeper(WriteLedgerStore store, WriteLogSource source, EventSettings settings, EventMetrics metrics, Clock clock) {
        this.store = store;
        this.source = source;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        long every = settings.sweepInterval().toMillis();
        timer.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
        metrics.gauge("fint.provider.event.open", () -> store.ledger().openAndLeased(clock.millis())[0]);
        metrics.gauge("fint.provider.event.leased", () -> store.ledger().openAndLeased(clock.millis())[1]);
    }

    /** One sweep (also called by tests that do not want to wait for the timer). */
    public void sweep() {
        try {
            if (!store.loaded()) {
                return;
            }
            WriteLedger ledger = store.ledger();
            long now = clock.millis();
            Map<String, List<WriteEvent.Expired>> byOrg = new LinkedHashMap<>();
            for (WriteEvent.Expired e : ledger.claimExpiries(now)) {
                byOrg.computeIfAbsent(e.orgId(), k -> new ArrayList<>()).add(e);
            }
            for (Map.Entry<String, List<WriteEvent.Expired>> org : byOrg.entrySet()) {
                try {
                    source.write(org.getKey(), org.getValue());
                    org.getValue().forEach(store::applyOwn);
                    metrics.expired(org.getValue().size());
                    LOG.info(() -> org.getValue().size() + " write request(s) of " + org.getKey() + " expired unanswered");
                } catch (Unavailable e) {
                    org.getValue().forEach(x -> ledger.release(x.corrId()));
                    LOG.fine(() -> "Could not record expiries of " + org.getKey() + " now: " + e.getMessage());
                }
            }
            ledger.evict(now, settings.keep());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sweeping write requests failed", e);
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
