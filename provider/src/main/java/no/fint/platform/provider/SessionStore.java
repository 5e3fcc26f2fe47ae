package no.fint.platform.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.fint.platform.records.Topics;
import no.fint.platform.service.KafkaSettings;
import no.fint.platform.sync.SessionRecords;
import no.fint.platform.sync.SyncSession;
import no.fint.platform.sync.SyncSessions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The provider's {@link SyncSessions}, rebuilt at start from the compacted session topic (the "sink"
 * side of {@link SessionSource}). Until it is loaded the provider is not ready and answers sync
 * pages with 503, so a restart never forgets a sync in progress or a deletion owed.
 */
@ApplicationScoped
public class SessionStore {

    private static final Logger LOG = Logger.getLogger(SessionStore.class.getName());

    private final SyncSessions sessions = new SyncSessions();
    private KafkaSettings settings;
    private SessionSource source;
    private volatile boolean loaded;
    private final java.util.Set<String> dirty = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** For CDI. */
    protected SessionStore() {
    }

    @Inject
    public SessionStore(KafkaSettings settings, SessionSource source) {
        this.settings = settings;
        this.source = source;
    }

    public SyncSessions sessions() {
        return sessions;
    }

    public boolean loaded() {
        return loaded;
    }

    /** A session whose latest state could not be persisted: {@link #flushDirty} writes it again. */
    void markDirty(String corrId) {
        dirty.add(corrId);
    }

    /** Persists the current header and page records of every dirty session. */
    void flushDirty() {
        for (String corrId : List.copyOf(dirty)) {
            var status = sessions.status(corrId, 0);
            if (status.isEmpty()) {
                dirty.remove(corrId);
                continue;
            }
            try {
                source.persist(List.of(status.get().session()), sessions.pageRecords(corrId), corrId);
                dirty.remove(corrId);
            } catch (Unavailable e) {
                LOG.fine(() -> "Sync " + corrId + " still not persisted: " + e.getMessage());
                return;
            }
        }
    }

    /** Reads the session topic to its end and restores the registry; retried by the caller until it succeeds. */
    void load() throws Unavailable {
        source.ensureTopic();
        Map<String, SyncSession.Snapshot> headers = new LinkedHashMap<>();
        Map<String, Map<Long, SyncSession.PageRecord>> pages = new HashMap<>();
        try (TopicReader reader = new TopicReader(settings, "fint-provider-sessions", Topics.syncSessions())) {
            reader.readToEnd(r -> {
                String key = r.key();
                if (key == null) {
                    return;
                }
                String corrId = SessionRecords.corrId(key);
                try {
                    if (SessionRecords.isPageKey(key)) {
                        long page = Long.parseLong(key.substring(corrId.length() + 1));
                        if (r.value() == null) {
                            Map<Long, SyncSession.PageRecord> m = pages.get(corrId);
                            if (m != null) {
                                m.remove(page);
                            }
                        } else {
                            pages.computeIfAbsent(corrId, k -> new HashMap<>()).put(page, SessionRecords.parsePage(r.value()));
                        }
                    } else if (r.value() == null) {
                        headers.remove(corrId);
                        pages.remove(corrId);
                    } else {
                        SyncSession.Snapshot h = SessionRecords.parseHeader(r.value());
                        SyncSession.Snapshot before = headers.get(corrId);
                        if (before == null || before.version() <= h.version()) {
                            headers.put(corrId, h);
                        }
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Skipping an unreadable sync-session record " + key, e);
                }
            }, Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            throw new Unavailable("Cannot read " + Topics.syncSessions() + ": " + e.getMessage(), e);
        }
        Map<String, List<SyncSession.PageRecord>> pageLists = new HashMap<>();
        pages.forEach((k, v) -> pageLists.put(k, new ArrayList<>(v.values())));
        sessions.restore(headers.values(), pageLists);
        loaded = true;
        LOG.info(() -> "Restored " + headers.size() + " sync sessions from " + Topics.syncSessions());
    }
}
