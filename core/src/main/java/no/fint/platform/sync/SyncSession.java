package no.fint.platform.sync;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One sync (all pages with one corrId) and its state machine. Not thread-safe on its own: {@link
 * SyncSessions} guards every session with its lock. Completion is decided by the <em>set</em> of
 * pages received (1..totalPages), never by counting records, so a replayed page can neither
 * complete a sync early nor count twice.
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
    private final BitSet received = new BitSet();
    private final Map<Long, PageRecord> pages = new HashMap<>();
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
        return received.cardinality();
    }

    public boolean received(long page) {
        return page >= 1 && page <= Integer.MAX_VALUE && received.get((int) (page - 1));
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
        for (int i = received.nextClearBit(0); i < totalPages && missing.size() < limit; i = received.nextClearBit(i + 1)) {
            missing.add((long) i + 1);
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
        if (state == SyncState.IN_PROGRESS && received.cardinality() >= totalPages) {
            if (resourcesReceived != totalSize) {
                fail("the " + totalPages + " pages hold " + resourcesReceived + " resources, but totalSize is " + totalSize
                        + "; nothing was deleted", now);
            } else {
                state = type == SyncType.FULL ? SyncState.COMPLETING : SyncState.COMPLETED;
                touch(now);
            }
        }
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
        received.set((int) (page - 1));
        pages.put(page, new PageRecord(page, count, hash, now));
        resourcesReceived += count;
        touch(now);
        if (state != SyncState.IN_PROGRESS || received.cardinality() < totalPages) {
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
        received.set((int) (p.page() - 1));
        pages.put(p.page(), p);
        resourcesReceived += p.count();
    }

    /** An immutable copy of the header, for persisting and for the status API. */
    public Snapshot snapshot() {
        return new Snapshot(corrId, orgId, adapterId, resource, type, totalSize, totalPages, startedAt, updatedAt, state,
                received.cardinality(), resourcesReceived, resourcesDeleted, error, supersededBy, version);
    }

    /** A session's header at one moment. */
    public record Snapshot(String corrId, String orgId, String adapterId, String resource, SyncType type, long totalSize,
                           long totalPages, long startedAt, long updatedAt, SyncState state, long pagesReceived,
                           long resourcesReceived, long resourcesDeleted, String error, String supersededBy, long version) {
    }
}
