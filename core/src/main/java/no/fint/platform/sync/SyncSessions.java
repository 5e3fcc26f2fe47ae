package no.fint.platform.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every sync this provider knows, and the rules between them. All methods are atomic (one lock);
 * none does I/O: the caller persists the snapshots they return (a compacted Kafka topic), and a
 * restarted provider rebuilds this registry from them with {@link #restore}.
 *
 * <p>Rules: pages of one corrId must agree on resource, type, organisation, adapter, totalSize and
 * totalPages; a page number is accepted once (a replay with the same content is a success that
 * writes nothing, other content is a conflict); a full sync completes when pages 1..totalPages are
 * all in and hold totalSize resources together; a newer full sync for the same organisation and
 * resource supersedes an older one still in progress; a sync without a page for the abandon time
 * fails. Superseded and failed syncs delete nothing.
 */
public final class SyncSessions {

    private final Map<String, SyncSession> byCorrId = new HashMap<>();
    private final Map<String, String> currentFull = new HashMap<>();

    private static String target(String orgId, String resource) {
        return orgId + '\u001F' + resource;
    }

    /** Decides about a page whose metadata passed the page checks ({@code meta.withDefaults()} applied). */
    public synchronized Admission admit(PageMeta meta, long hash, long now) {
        Admission.Refused outside = outside(meta);
        if (outside != null) {
            return outside; // before any session is made or superseded
        }
        SyncSession s = byCorrId.get(meta.corrId());
        List<SyncSession.Snapshot> superseded = List.of();
        if (s == null) {
            if (meta.type() == SyncType.FULL) {
                String previous = currentFull.get(target(meta.orgId(), meta.resource()));
                SyncSession old = previous == null ? null : byCorrId.get(previous);
                if (old != null && old.state() == SyncState.IN_PROGRESS) {
                    old.supersede(meta.corrId(), now);
                    superseded = List.of(old.snapshot());
                }
            }
            s = new SyncSession(meta, now);
            byCorrId.put(s.corrId(), s);
            if (s.type() == SyncType.FULL) {
                currentFull.put(target(s.orgId(), s.resource()), s.corrId());
            }
        } else {
            Admission.Refused bad = s.inconsistency(meta);
            if (bad != null) {
                return bad;
            }
        }
        long page = meta.page();
        if (s.received(page)) {
            SyncSession.PageRecord earlier = s.page(page);
            if (earlier.hash() == hash && earlier.count() == meta.entries()) {
                return new Admission.Replayed(s.snapshot());
            }
            return new Admission.Refused(409, "metadata.page", "page " + page + " of sync " + s.corrId()
                    + " was received before with other content; a sync's pages cannot change (start a new sync)");
        }
        switch (s.state()) {
            case SUPERSEDED -> {
                return new Admission.Refused(409, "metadata.corrId", "sync " + s.corrId() + " was superseded by the newer full sync "
                        + s.supersededBy() + "; its pages are no longer accepted");
            }
            case FAILED -> {
                return new Admission.Refused(409, "metadata.corrId", "sync " + s.corrId() + " has failed (" + s.error()
                        + "); start a new sync with a new corrId");
            }
            default -> {
            }
        }
        if (s.inFlight(page)) {
            return new Admission.Refused(409, "metadata.page", "page " + page + " of sync " + s.corrId()
                    + " is being written right now; retry when that request has been answered");
        }
        Admission.Refused overflow = s.overflow(meta.entries());
        if (overflow != null) {
            return overflow;
        }
        s.startPage(page, meta.entries());
        return new Admission.Accepted(s.snapshot(), superseded);
    }

    /**
     * Why a page's numbers cannot make or join a session (a 400), or null. The page checks refuse
     * these first; this keeps the sessions sound whoever calls.
     */
    private static Admission.Refused outside(PageMeta meta) {
        Long totalSize = meta.totalSize();
        Long page = meta.page();
        Long totalPages = meta.totalPages();
        if (totalSize == null || page == null || totalPages == null) {
            return new Admission.Refused(400, "metadata", "totalSize, page and totalPages are required");
        }
        if (totalSize < 0 || totalSize > PageMeta.MAX_TOTAL_SIZE) {
            return new Admission.Refused(400, "metadata.totalSize", "totalSize " + totalSize + " is outside 0.." + PageMeta.MAX_TOTAL_SIZE);
        }
        if (totalPages < 1 || totalPages > PageMeta.MAX_TOTAL_PAGES) {
            return new Admission.Refused(400, "metadata.totalPages", "totalPages " + totalPages + " is outside 1.." + PageMeta.MAX_TOTAL_PAGES);
        }
        if (page < 1 || page > totalPages) {
            return new Admission.Refused(400, "metadata.page", "page " + page + " is out of range 1.." + totalPages);
        }
        return null;
    }

    /** The outcome of a written page: its record and the session after it. */
    public record Written(SyncSession.Snapshot session, SyncSession.PageRecord page, boolean completed) {
    }

    /**
     * Kafka acknowledged every record of an accepted page. When this completes a full sync,
     * {@code completed} is true: its stale resources must be deleted next ({@link #deletionDone}).
     */
    public synchronized Written written(String corrId, long page, int count, long hash, long now) {
        SyncSession s = require(corrId);
        boolean completed = s.pageWritten(page, count, hash, now);
        return new Written(s.snapshot(), s.page(page), completed);
    }

    /** Writing an accepted page failed: it may be sent again. */
    public synchronized void aborted(String corrId, long page) {
        SyncSession s = byCorrId.get(corrId);
        if (s != null) {
            s.abortPage(page);
        }
    }

    /** The stale resources of a completed full sync are deleted: it is COMPLETED. */
    public synchronized SyncSession.Snapshot deletionDone(String corrId, long deleted, long now) {
        SyncSession s = require(corrId);
        if (s.state() == SyncState.COMPLETING) {
            s.deletionDone(deleted, now);
        }
        return s.snapshot();
    }

    /** Fails every sync without a page for {@code abandonAfter}; returns them (to persist). */
    public synchronized List<SyncSession.Snapshot> abandon(long now, Duration abandonAfter) {
        List<SyncSession.Snapshot> failed = new ArrayList<>();
        for (SyncSession s : byCorrId.values()) {
            if (s.state() == SyncState.IN_PROGRESS && !s.hasPagesInFlight() && now - s.updatedAt() > abandonAfter.toMillis()) {
                s.fail("abandoned: no page for " + abandonAfter + " (" + s.pagesReceived() + " of " + s.totalPages()
                        + " pages received); nothing was deleted", now);
                failed.add(s.snapshot());
            }
        }
        return failed;
    }

    /** Full syncs whose pages are all in but whose stale deletion is not done (after a restart, say). */
    public synchronized List<SyncSession.Snapshot> completing() {
        return byCorrId.values().stream().filter(s -> s.state() == SyncState.COMPLETING).map(SyncSession::snapshot).toList();
    }

    /** A finished sync forgotten after {@code retention}: its corrId and received page numbers (to delete their records). */
    public record Evicted(String corrId, List<Long> pages) {
    }

    /** Forgets finished syncs last changed more than {@code retention} ago. */
    public synchronized List<Evicted> evict(long now, Duration retention) {
        List<Evicted> out = new ArrayList<>();
        for (var it = byCorrId.values().iterator(); it.hasNext(); ) {
            SyncSession s = it.next();
            if (s.state().terminal() && now - s.updatedAt() > retention.toMillis()) {
                out.add(new Evicted(s.corrId(), s.pageRecords().stream().map(SyncSession.PageRecord::page).toList()));
                it.remove();
                currentFull.remove(target(s.orgId(), s.resource()), s.corrId());
            }
        }
        return out;
    }

    /** What the status API shows about a sync. */
    public record Status(SyncSession.Snapshot session, List<Long> pagesMissing) {
    }

    public synchronized Optional<Status> status(String corrId, int missingLimit) {
        SyncSession s = byCorrId.get(corrId);
        return s == null ? Optional.empty() : Optional.of(new Status(s.snapshot(), s.pagesMissing(missingLimit)));
    }

    /** The received pages' records of a sync (to persist it again). */
    public synchronized List<SyncSession.PageRecord> pageRecords(String corrId) {
        SyncSession s = byCorrId.get(corrId);
        return s == null ? List.of() : s.pageRecords();
    }

    public synchronized int size() {
        return byCorrId.size();
    }

    /** Counts of syncs per state (metrics). */
    public synchronized Map<SyncState, Integer> countByState() {
        Map<SyncState, Integer> counts = new HashMap<>();
        for (SyncSession s : byCorrId.values()) {
            counts.merge(s.state(), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * Rebuilds the registry from persisted records: the newest header of each sync and its page
     * records. Replaces what was there.
     */
    public synchronized void restore(Collection<SyncSession.Snapshot> headers, Map<String, List<SyncSession.PageRecord>> pages) {
        byCorrId.clear();
        currentFull.clear();
        List<SyncSession.Snapshot> sorted = new ArrayList<>(headers);
        sorted.sort((a, b) -> Long.compare(a.startedAt(), b.startedAt()));
        for (SyncSession.Snapshot h : sorted) {
            SyncSession s = new SyncSession(h.corrId(), h.orgId(), h.adapterId(), h.resource(), h.type(), h.totalSize(),
                    h.totalPages(), h.startedAt());
            for (SyncSession.PageRecord p : pages.getOrDefault(h.corrId(), List.of())) {
                s.restorePage(p);
            }
            s.restore(h.state(), h.updatedAt(), h.resourcesDeleted(), h.error(), h.supersededBy(), h.version());
            s.settle(h.updatedAt());
            byCorrId.put(s.corrId(), s);
            if (s.type() == SyncType.FULL) {
                currentFull.put(target(s.orgId(), s.resource()), s.corrId());
            }
        }
    }

    private SyncSession require(String corrId) {
        SyncSession s = byCorrId.get(corrId);
        if (s == null) {
            throw new IllegalStateException("No sync " + corrId);
        }
        return s;
    }
}
