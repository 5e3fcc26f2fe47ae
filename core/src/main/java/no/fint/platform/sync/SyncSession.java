package no.fint.platform.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One sync (all pages with one corrId) and its state machine. Not thread-safe on its own: {@link
 * SyncSessions} guards every session with its lock. Completion is decided by the <em>set</em> of
 * pages received (1..totalPages), never by counting records, so a replayed page can neither
 * complete a sync early nor count twice. Memory goes with the pages received, never with a page
 * number or totalPages (a session persisted before {@link PageMeta}'s limits may have any).
 */
public final class SyncSession {

    private final String corrId;
    private final String orgId;
    private final String adapterId;
    private final String resource;
    private final SyncType type;
    private final long totalSize;
    private final long totalPages;
    private final long startedAt;
    private long updatedAt;
    private SyncState state = SyncState.IN_PROGRESS;
    /** The pages received, in page order (walked for missing pages and records without counting up to totalPages). */
    private final TreeMap<Long, PageRecord> pages = new TreeMap<>();
    private final Map<Long, Integer> inFlight = new HashMap<>(4);
    private long resourcesReceived;
    private long resourcesDeleted;
    private String error;
    private String supersededBy;
    private long version;

    SyncSession(PageMeta meta, long now) {
        this(meta.corrId(), meta.orgId(), meta.adapterId(), meta.resource(), meta.type(), meta.totalSize(), meta.totalPages(), now);
    }

    SyncSession(String corrId, String orgId, String adapterId, String resource, SyncType type, long totalSize,
                long totalPages, long startedAt) {
        this.corrId = corrId;
        this.orgId = orgId;
        this.adapterId = adapterId;
        this.resource = resource;
        this.type = type;
        this.totalSize = totalSize;
        this.totalPages = totalPages;
        this.startedAt = startedAt;
        this.updatedAt = startedAt;
    }

    /** One received page: how many resources it held and the fingerprint of its content. */
    public record PageRecord(long page, int count, long hash, long at) {
    }

    public String corrId() {
        return corrId;
    }

    public String orgId() {
        return orgId;
    }

    public String adapterId() {
        return adapterId;
    }

    public String resource() {
        return resource;
    }

    public SyncType type() {
        return type;
    }

    public long totalSize() {
        return totalSize;
    }

    public long totalPages() {
        return totalPages;
    }

    /** When the first page was admitted: resources this sync did not send and nobody wrote since are stale. */
    public long startedAt() {
        return startedAt;
    }

    public long updatedAt() {
        return updatedAt;
    }

    public SyncState state() {
        return state;
    }

    public long resourcesReceived() {
        return resourcesReceived;
    }

    public long resourcesDeleted() {
        return resourcesDeleted;
    }

    public String error() {
        return error;
    }

    public String supersededBy() {
        return supersededBy;
    }

    /** Bumped on every change, so the newest persisted header wins on reload. */
    public long version() {
        return version;
    }

    public long pagesReceived() {
        return pages.size();
    }

    public boolean received(long page) {
        return pages.containsKey(page);
    }

    /** The records of the pages received, in page order. */
    List<PageRecord> pageRecords() {
        return List.copyOf(pages.values());
    }

    public PageRecord page(long page) {
        return pages.get(page);
    }

    public boolean hasPagesInFlight() {
        return !inFlight.isEmpty();
    }

    /** The missing page numbers, at most {@code limit} of them. */
    public List<Long> pagesMissing(int limit) {
        List<Long> missing = new ArrayList<>();
        if (state == SyncState.COMPLETED || state == SyncState.COMPLETING) {
            return missing;
        }
        long next = 1;
        for (long received : pages.keySet()) {
            if (missing.size() >= limit) {
                return missing;
            }
            for (; next < received && missing.size() < limit; next++) {
                missing.add(next);
            }
            next = received + 1;
        }
        for (; next <= totalPages && missing.size() < limit; next++) {
            missing.add(next);
        }
        return missing;
    }

    /** Why {@code meta} does not belong to this sync (a 400), or null when it is consistent with the earlier pages. */
    Admission.Refused inconsistency(PageMeta meta) {
        if (!Objects.equals(resource, meta.resource())) {
            return bad("metadata.corrId", "corrId " + corrId + " is a sync of " + resource + ", not " + meta.resource());
        }
        if (type != meta.type()) {
            return bad("metadata.corrId", "corrId " + corrId + " is a " + type + " sync, not " + meta.type());
        }
        if (!Objects.equals(orgId, meta.orgId())) {
            return bad("metadata.orgId", meta.orgId() + " differs from " + orgId + " in the sync's earlier pages");
        }
        if (!Objects.equals(adapterId, meta.adapterId())) {
            return bad("metadata.adapterId", meta.adapterId() + " differs from " + adapterId + " in the sync's earlier pages");
        }
        if (!Objects.equals(totalSize, meta.totalSize())) {
            return bad("metadata.totalSize", meta.totalSize() + " differs from " + totalSize + " in the sync's earlier pages");
        }
        if (!Objects.equals(totalPages, meta.totalPages())) {
            return bad("metadata.totalPages", meta.totalPages() + " differs from " + totalPages + " in the sync's earlier pages");
        }
        return null;
    }

    /** Why a new page of {@code entries} resources would make the sync hold more than totalSize (a 400), or null. */
    Admission.Refused overflow(int entries) {
        long promised = resourcesReceived;
        for (int n : inFlight.values()) {
            promised += n;
        }
        if (promised + entries > totalSize) {
            return bad("resources", "with this page the sync would hold " + (promised + entries)
                    + " resources, more than totalSize " + totalSize);
        }
        return null;
    }

    /** After a restart: a sync whose pages are all in but whose header did not say so yet is decided now. */
    void settle(long now) {
        if (state == SyncState.IN_PROGRESS && !withinLimits()) {
            // Persisted before the limits: every further page of it is refused, so it cannot complete.
            fail("totalSize " + totalSize + " or totalPages " + totalPages + " is above the limits (" + PageMeta.MAX_TOTAL_SIZE
                    + " resources, " + PageMeta.MAX_TOTAL_PAGES + " pages); no further page is accepted; nothing was deleted", now);
            return;
        }
        if (state == SyncState.IN_PROGRESS && pages.size() >= totalPages) {
            if (resourcesReceived != totalSize) {
                fail("the " + totalPages + " pages hold " + resourcesReceived + " resources, but totalSize is " + totalSize
                        + "; nothing was deleted", now);
            } else {
                state = type == SyncType.FULL ? SyncState.COMPLETING : SyncState.COMPLETED;
                touch(now);
            }
        }
    }

    /** True when the sync's numbers are within {@link PageMeta}'s limits. */
    boolean withinLimits() {
        return totalSize <= PageMeta.MAX_TOTAL_SIZE && totalPages <= PageMeta.MAX_TOTAL_PAGES;
    }

    private static Admission.Refused bad(String field, String reason) {
        return new Admission.Refused(400, field, reason);
    }

    boolean inFlight(long page) {
        return inFlight.containsKey(page);
    }

    void startPage(long page, int count) {
        inFlight.put(page, count);
    }

    void abortPage(long page) {
        inFlight.remove(page);
    }

    /**
     * Records a written page. Returns true when the sync just became complete (for a full sync: its
     * stale resources must now be deleted).
     */
    boolean pageWritten(long page, int count, long hash, long now) {
        inFlight.remove(page);
        if (received(page)) {
            return false;
        }
        pages.put(page, new PageRecord(page, count, hash, now));
        resourcesReceived += count;
        touch(now);
        if (state != SyncState.IN_PROGRESS || pages.size() < totalPages) {
            return false;
        }
        if (resourcesReceived != totalSize) {
            fail("the " + totalPages + " pages hold " + resourcesReceived + " resources, but totalSize is " + totalSize
                    + "; nothing was deleted", now);
            return false;
        }
        if (type == SyncType.FULL) {
            state = SyncState.COMPLETING;
            return true;
        }
        state = SyncState.COMPLETED;
        return false;
    }

    void supersede(String newer, long now) {
        state = SyncState.SUPERSEDED;
        supersededBy = newer;
        error = "superseded by the newer full sync " + newer + "; nothing was deleted";
        touch(now);
    }

    void fail(String reason, long now) {
        state = SyncState.FAILED;
        error = reason;
        touch(now);
    }

    void deletionDone(long deleted, long now) {
        state = SyncState.COMPLETED;
        resourcesDeleted = deleted;
        touch(now);
    }

    private void touch(long now) {
        updatedAt = Math.max(updatedAt, now);
        version++;
    }

    /** Restores what a persisted header says (reload at start). */
    void restore(SyncState state, long updatedAt, long resourcesDeleted, String error, String supersededBy, long version) {
        this.state = state;
        this.updatedAt = updatedAt;
        this.resourcesDeleted = resourcesDeleted;
        this.error = error;
        this.supersededBy = supersededBy;
        this.version = version;
    }

    /** Restores one persisted page record. */
    void restorePage(PageRecord p) {
        if (p.page() < 1 || p.page() > totalPages || received(p.page())) {
            return;
        }
        pages.put(p.page(), p);
        resourcesReceived += p.count();
    }

    /** An immutable copy of the header, for persisting and for the status API. */
    public Snapshot snapshot() {
        return new Snapshot(corrId, orgId, adapterId, resource, type, totalSize, totalPages, startedAt, updatedAt, state,
                pages.size(), resourcesReceived, resourcesDeleted, error, supersededBy, version);
    }

    /** A session's header at one moment. */
    public record Snapshot(String corrId, String orgId, String adapterId, String resource, SyncType type, long totalSize,
                           long totalPages, long startedAt, long updatedAt, SyncState state, long pagesReceived,
                           long resourcesReceived, long resourcesDeleted, String error, String supersededBy, long version) {
    }
}
