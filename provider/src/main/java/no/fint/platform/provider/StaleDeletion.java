package no.fint.platform.provider;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.helidon.logging.common.HelidonMdc;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ResourceType;
import no.fint.platform.records.RecordKeys;
import no.fint.platform.records.Topics;
import no.fint.platform.service.OrgLogFormatter;
import no.fint.platform.sync.StaleRule;
import no.fint.platform.sync.SyncSession;
import no.fint.platform.sync.SyncState;
import no.fint.platform.sync.SyncType;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The deliberate last step of a completed full sync: a tombstone for every resource of that
 * organisation and type the sync did not contain ({@link StaleRule}), then the sync is COMPLETED.
 * One deletion at a time (memory of one key index). The session stays COMPLETING until the
 * tombstones are acknowledged, so after a crash or an outage the step is simply run again; a
 * resource already deleted is never deleted twice.
 */
@ApplicationScoped
public class StaleDeletion {

    private static final Logger LOG = Logger.getLogger(StaleDeletion.class.getName());
    private static final int BATCH = 10_000;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon()
            .name("fint-stale-deletion").unstarted(r));
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private SessionStore store;
    private EntityKeySink keys;
    private EntitySource entities;
    private SessionSource sessionSource;
    private InformationModel model;
    private ProviderMetrics metrics;
    private Clock clock;

    /** For CDI. */
    protected StaleDeletion() {
    }

    @Inject
    public StaleDeletion(SessionStore store, EntityKeySink keys, EntitySource entities, SessionSource sessionSource,
                         InformationModel model, ProviderMetrics metrics, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.entities = entities;
        this.sessionSource = sessionSource;
        this.model = model;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Queues the deletion for a COMPLETING full sync (no-op when already queued). */
    public void schedule(String corrId) {
        if (queued.add(corrId)) {
            executor.execute(() -> {
                try {
                    run(corrId);
                } finally {
                    queued.remove(corrId);
                }
            });
        }
    }

    private void run(String corrId) {
        SyncSession.Snapshot sync = store.sessions().status(corrId, 0).map(s -> s.session()).orElse(null);
        if (sync == null || sync.state() != SyncState.COMPLETING) {
            return;
        }
        HelidonMdc.set(OrgLogFormatter.ORG, sync.orgId());
        try {
            ResourceType type = model.resourceByPath(sync.resource()).orElseThrow();
            String topic = Topics.entity(sync.orgId(), type.component());
            Selection selection = keys.scan(topic, index -> {
                List<EntitySource.Entity> found = new ArrayList<>();
                for (String id : index.select(type.name() + RecordKeys.SEPARATOR,
                        (lastModified, corrHash, deleted) -> StaleRule.stale(sync, deleted, lastModified, corrHash))) {
                    found.add(new EntitySource.Entity(id, null));
                }
                return new Selection(found, index.size(), index.memoryBytes());
            });
            List<EntitySource.Entity> stale = selection.stale();
            long now = clock.millis();
            for (int i = 0; i < stale.size(); i += BATCH) {
                entities.publish(sync.orgId(), type, SyncType.FULL, sync.corrId(), now, stale.subList(i, Math.min(stale.size(), i + BATCH)));
            }
            SyncSession.Snapshot done = store.sessions().deletionDone(corrId, stale.size(), clock.millis());
            try {
                sessionSource.persist(done);
            } catch (Unavailable e) {
                store.markDirty(corrId);
                throw e;
            }
            metrics.staleDeleted(stale.size());
            LOG.info(() -> "Full sync " + corrId + " of " + sync.resource() + " completed: " + sync.resourcesReceived()
                    + " resources, " + stale.size() + " stale ones deleted (key index of " + selection.keys() + " keys, "
                    + selection.bytes() / 1024 + " KiB)");
        } catch (Unavailable | RuntimeException e) {
            LOG.log(Level.WARNING, "Stale deletion of full sync " + corrId + " failed; retried by the next sweep: " + e.getMessage());
        } finally {
            HelidonMdc.remove(OrgLogFormatter.ORG);
        }
    }

    /** What the key index said for one deletion: the stale resources, and the index's size for the log. */
    private record Selection(List<EntitySource.Entity> stale, int keys, long bytes) {
    }

    /** Waits until queued deletions are done (tests, shutdown). */
    public boolean idle() {
        return queued.isEmpty();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
