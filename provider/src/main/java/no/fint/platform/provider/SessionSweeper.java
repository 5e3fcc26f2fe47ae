package no.fint.platform.provider;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.fint.platform.sync.SyncSession;
import no.fint.platform.sync.SyncSessions;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads the sync sessions at start (retrying until Kafka answers), then periodically: fails
 * abandoned syncs, (re)starts the stale deletion of completed full syncs (after a restart or an
 * outage), writes session states that could not be persisted, and forgets finished syncs after the
 * retention.
 */
@ApplicationScoped
public class SessionSweeper {

    private static final Logger LOG = Logger.getLogger(SessionSweeper.class.getName());

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
            .name("fint-session-sweeper").unstarted(r));
    private SessionStore store;
    private SessionSource source;
    private StaleDeletion deletion;
    private ProviderSettings settings;
    private Clock clock;
    private boolean started;

    /** For CDI. */
    protected SessionSweeper() {
    }

    @Inject
    public SessionSweeper(SessionStore store, SessionSource source, StaleDeletion deletion, ProviderSettings settings, Clock clock) {
        this.store = store;
        this.source = source;
        this.deletion = deletion;
        this.settings = settings;
        this.clock = clock;
    }

    synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        timer.execute(this::load);
    }

    private void load() {
        try {
            store.load();
            store.sessions().completing().forEach(s -> deletion.schedule(s.corrId()));
            long every = settings.sweepInterval().toMillis();
            timer.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
        } catch (Unavailable | RuntimeException e) {
            LOG.log(Level.WARNING, "Loading sync sessions failed; retrying in 2 s: " + e.getMessage());
            timer.schedule(this::load, 2, TimeUnit.SECONDS);
        }
    }

    /** One sweep (also called by tests that do not want to wait for the timer). */
    public void sweep() {
        try {
            SyncSessions sessions = store.sessions();
            long now = clock.millis();
            List<SyncSession.Snapshot> failed = sessions.abandon(now, settings.abandonAfter());
            for (SyncSession.Snapshot s : failed) {
                LOG.info(() -> "Sync " + s.corrId() + " of " + s.resource() + " for " + s.orgId() + " failed: " + s.error());
                try {
                    source.persist(s);
                } catch (Unavailable e) {
                    store.markDirty(s.corrId());
                }
            }
            store.flushDirty();
            sessions.completing().forEach(s -> deletion.schedule(s.corrId()));
            for (SyncSessions.Evicted e : sessions.evict(now, settings.retention())) {
                try {
                    source.forget(e.corrId(), e.pages());
                } catch (Unavailable u) {
                    LOG.fine(() -> "Could not delete the records of sync " + e.corrId() + ": " + u.getMessage());
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sweeping sync sessions failed", e);
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
