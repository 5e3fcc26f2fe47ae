package no.fint.platform.sync;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyncSessionsTest {

    private static final String ELEV = "/utdanning/elev/elev";

    static PageMeta full(String corrId, long totalSize, long page, int entries, long totalPages) {
        return new PageMeta(corrId, "fint.no", "a", ELEV, SyncType.FULL, totalSize, page, (long) entries, totalPages, entries);
    }

    /** Admits and writes a page; returns whether it completed the sync. */
    static boolean send(SyncSessions s, PageMeta m, long hash, long now) {
        Admission a = s.admit(m, hash, now);
        assertInstanceOf(Admission.Accepted.class, a, a.toString());
        return s.written(m.corrId(), m.page(), m.entries(), hash, now).completed();
    }

    @Test
    void completionIsDecidedByTheSetOfPagesNotByCounting() {
        SyncSessions s = new SyncSessions();
        assertFalse(send(s, full("c", 5, 2, 2, 3), 2, 10));
        assertFalse(send(s, full("c", 5, 1, 2, 3), 1, 11));
        // page 1 again (an adapter retrying after a timeout): a success that changes nothing
        assertInstanceOf(Admission.Replayed.class, s.admit(full("c", 5, 1, 2, 3), 1, 12));
        assertEquals(SyncState.IN_PROGRESS, s.status("c", 10).orElseThrow().session().state());
        assertEquals(List.of(3L), s.status("c", 10).orElseThrow().pagesMissing());
        assertTrue(send(s, full("c", 5, 3, 1, 3), 3, 13));
        SyncSession.Snapshot done = s.status("c", 10).orElseThrow().session();
        assertEquals(SyncState.COMPLETING, done.state());
        assertEquals("IN_PROGRESS", done.state().external(), "shown in progress until the stale deletion is done");
        assertEquals(List.of(done), s.completing());
        assertEquals(SyncState.COMPLETED, s.deletionDone("c", 7, 20).state());
        assertEquals(7, s.status("c", 10).orElseThrow().session().resourcesDeleted());
        assertTrue(s.completing().isEmpty());
        assertInstanceOf(Admission.Replayed.class, s.admit(full("c", 5, 3, 1, 3), 3, 21), "replay after completion");
    }

    @Test
    void aPageWithOtherContentUnderTheSameNumberIsAConflict() {
        SyncSessions s = new SyncSessions();
        send(s, full("c", 4, 1, 2, 2), 100, 1);
        Admission.Refused r = assertInstanceOf(Admission.Refused.class, s.admit(full("c", 4, 1, 2, 2), 101, 2));
        assertEquals(409, r.status());
    }

    @Test
    void aPageBeingWrittenCannotBeAdmittedTwiceAndMayBeRetriedWhenItFailed() {
        SyncSessions s = new SyncSessions();
        assertInstanceOf(Admission.Accepted.class, s.admit(full("c", 4, 1, 2, 2), 1, 1));
        assertEquals(409, assertInstanceOf(Admission.Refused.class, s.admit(full("c", 4, 1, 2, 2), 1, 1)).status());
        s.aborted("c", 1);
        assertInstanceOf(Admission.Accepted.class, s.admit(full("c", 4, 1, 2, 2), 1, 1));
    }

    @Test
    void metadataMustAgreeWithTheSyncsEarlierPages() {
        SyncSessions s = new SyncSessions();
        send(s, full("c", 4, 1, 2, 2), 1, 1);
        Map<String, PageMeta> bad = new HashMap<>();
        bad.put("metadata.totalSize", full("c", 5, 2, 2, 2));
        bad.put("metadata.totalPages", full("c", 4, 2, 2, 3));
        bad.put("metadata.orgId", new PageMeta("c", "rogfk.no", "a", ELEV, SyncType.FULL, 4L, 2L, 2L, 2L, 2));
        bad.put("metadata.adapterId", new PageMeta("c", "fint.no", "b", ELEV, SyncType.FULL, 4L, 2L, 2L, 2L, 2));
        bad.put("metadata.corrId", new PageMeta("c", "fint.no", "a", "/utdanning/elev/elevforhold", SyncType.FULL, 4L, 2L, 2L, 2L, 2));
        bad.put("resources", full("c", 4, 2, 3, 2));
        bad.forEach((field, meta) -> {
            Admission.Refused r = assertInstanceOf(Admission.Refused.class, s.admit(meta, 2, 2), field);
            assertEquals(400, r.status(), field);
            assertEquals(field, r.field());
        });
        assertEquals(400, assertInstanceOf(Admission.Refused.class,
                s.admit(new PageMeta("c", "fint.no", "a", ELEV, SyncType.DELTA, 4L, 2L, 2L, 2L, 2), 2, 2)).status());
    }

    @Test
    void pagesThatDoNotAddUpToTotalSizeFailTheSync() {
        SyncSessions s = new SyncSessions();
        send(s, full("c", 5, 1, 2, 2), 1, 1);
        assertFalse(send(s, full("c", 5, 2, 2, 2), 2, 2));
        SyncSession.Snapshot snap = s.status("c", 10).orElseThrow().session();
        assertEquals(SyncState.FAILED, snap.state());
        assertTrue(snap.error().contains("totalSize is 5"), snap.error());
        assertTrue(s.completing().isEmpty());
    }

    @Test
    void aNewerFullSyncSupersedesAnOlderUnfinishedOne() {
        SyncSessions s = new SyncSessions();
        send(s, full("old", 4, 1, 2, 2), 1, 1);
        Admission.Accepted a = assertInstanceOf(Admission.Accepted.class, s.admit(full("new", 2, 1, 2, 1), 9, 2));
        assertEquals(1, a.superseded().size());
        assertEquals(SyncState.SUPERSEDED, a.superseded().get(0).state());
        assertEquals("new", a.superseded().get(0).supersededBy());
        assertTrue(s.written("new", 1, 2, 9, 3).completed());
        // the old sync's last page arrives late: refused, so it can never complete and delete
        assertEquals(409, assertInstanceOf(Admission.Refused.class, s.admit(full("old", 4, 2, 2, 2), 2, 4)).status());
        assertInstanceOf(Admission.Replayed.class, s.admit(full("old", 4, 1, 2, 2), 1, 4), "its received pages still replay");
        // a full sync of another resource or organisation does not supersede
        send(s, new PageMeta("x", "rogfk.no", "a", ELEV, SyncType.FULL, 4L, 1L, 2L, 2L, 2), 1, 5);
        send(s, new PageMeta("y", "rogfk.no", "a", "/utdanning/elev/elevforhold", SyncType.FULL, 4L, 1L, 2L, 2L, 2), 1, 5);
        assertEquals(SyncState.IN_PROGRESS, s.status("x", 1).orElseThrow().session().state());
    }

    @Test
    void aSyncWithoutPagesForTheAbandonTimeFailsAndDeletesNothing() {
        SyncSessions s = new SyncSessions();
        send(s, full("c", 4, 1, 2, 2), 1, 1_000);
        assertTrue(s.abandon(1_000 + 60_000, Duration.ofMinutes(15)).isEmpty());
        assertInstanceOf(Admission.Accepted.class, s.admit(new PageMeta("b", "fint.no", "a", "/utdanning/elev/elevforhold",
                SyncType.FULL, 4L, 1L, 2L, 2L, 2), 1, 1_000));
        List<SyncSession.Snapshot> failed = s.abandon(1_000 + 16 * 60_000, Duration.ofMinutes(15));
        assertEquals(List.of("c"), failed.stream().map(SyncSession.Snapshot::corrId).toList(), "not while a page is being written");
        assertEquals(SyncState.FAILED, failed.get(0).state());
        assertTrue(failed.get(0).error().startsWith("abandoned"));
        assertEquals(409, assertInstanceOf(Admission.Refused.class, s.admit(full("c", 4, 2, 2, 2), 2, 2_000_000)).status());
        assertTrue(s.completing().isEmpty());
    }

    @Test
    void deltaAndDeleteSyncsCompleteWithoutDeleting() {
        SyncSessions s = new SyncSessions();
        PageMeta m = new PageMeta("d", "fint.no", "a", ELEV, SyncType.DELTA, null, null, null, null, 3).withDefaults();
        assertFalse(send(s, m, 1, 1));
        assertEquals(SyncState.COMPLETED, s.status("d", 1).orElseThrow().session().state());
    }

    @Test
    void aRestartedProviderRebuildsTheRegistryFromItsRecords() {
        SyncSessions s = new SyncSessions();
        List<SyncSession.Snapshot> headers = new ArrayList<>();
        Map<String, List<SyncSession.PageRecord>> pages = new HashMap<>();
        for (long p = 1; p <= 3; p++) {
            Admission a = s.admit(full("c", 6, p, 2, 3), p, p);
            SyncSessions.Written w = s.written("c", p, 2, p, p);
            headers.add(w.session());
            pages.computeIfAbsent("c", k -> new ArrayList<>()).add(w.page());
            if (p == 2) {
                break; // crash before page 3
            }
        }
        SyncSessions restarted = new SyncSessions();
        restarted.restore(List.of(headers.get(headers.size() - 1)), pages);
        assertEquals(List.of(3L), restarted.status("c", 10).orElseThrow().pagesMissing());
        assertInstanceOf(Admission.Replayed.class, restarted.admit(full("c", 6, 2, 2, 3), 2, 10));
        assertTrue(send(restarted, full("c", 6, 3, 2, 3), 3, 11));

        // the page record of the last page made it, the header did not: decided on restore
        pages.get("c").add(new SyncSession.PageRecord(3, 2, 3, 12));
        SyncSessions again = new SyncSessions();
        again.restore(List.of(headers.get(headers.size() - 1)), pages);
        assertEquals(1, again.completing().size());
    }

    @Test
    void finishedSyncsAreForgottenAfterTheRetention() {
        SyncSessions s = new SyncSessions();
        send(s, full("c", 2, 1, 2, 1), 1, 1);
        s.deletionDone("c", 0, 2);
        send(s, full("p", 4, 1, 2, 2), 1, 2);
        List<SyncSessions.Evicted> gone = s.evict(2 + Duration.ofDays(3).toMillis(), Duration.ofDays(2));
        assertEquals(List.of(new SyncSessions.Evicted("c", List.of(1L))), gone);
        assertTrue(s.status("c", 1).isEmpty());
        assertTrue(s.status("p", 1).isPresent(), "in progress is never evicted (it is abandoned first)");
    }

    @Test
    void aPageOutsideTheLimitsIsRefusedBeforeAnySessionChanges() {
        SyncSessions s = new SyncSessions();
        send(s, full("old", 4, 1, 2, 2), 1, 1);
        long max = Long.MAX_VALUE;
        for (PageMeta bad : List.of(full("new", max, max, 1, max), full("new", 2_000_000_000L, 2_000_000_000L, 1, 2_000_000_000L),
                full("new", 4, 3, 1, 2), full("new", 4, 0, 1, 2))) {
            Admission.Refused r = assertInstanceOf(Admission.Refused.class, s.admit(bad, 9, 2), bad.toString());
            assertEquals(400, r.status());
        }
        assertTrue(s.status("new", 10).isEmpty(), "no session for the refused page");
        assertEquals(SyncState.IN_PROGRESS, s.status("old", 10).orElseThrow().session().state(), "not superseded");
    }

    /** Bytes this thread allocated so far (HotSpot's count). */
    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /**
     * Sessions persisted before the limits existed: page 2,000,000,000 of 2,000,000,000 and a page
     * Long.MAX_VALUE. Reloading them takes memory by pages received, not by page number, and what
     * walks a session's pages (status, records, eviction) does not count up to totalPages.
     */
    @Test
    void storedSessionsWithHugePageNumbersReloadWithoutGrowingWithThem() {
        long big = 2_000_000_000L;
        long max = Long.MAX_VALUE;
        SyncSession.Snapshot inProgress = new SyncSession.Snapshot("big", "fint.no", "a", ELEV, SyncType.FULL, big, big, 1, 2,
                SyncState.IN_PROGRESS, 1, 1, 0, null, null, 2);
        SyncSession.Snapshot failedLongAgo = new SyncSession.Snapshot("max", "fint.no", "a", "/utdanning/elev/elevforhold", SyncType.FULL,
                max, max, 1, 2, SyncState.FAILED, 1, 1, 0, "abandoned", null, 3);
        SyncSessions s = new SyncSessions();
        long before = allocated();
        s.restore(List.of(inProgress, failedLongAgo), Map.of("big", List.of(new SyncSession.PageRecord(big, 1, 7, 2)),
                "max", List.of(new SyncSession.PageRecord(max, 1, 7, 2))));
        long used = allocated() - before;
        assertTrue(used < 1_000_000, used + " bytes allocated to restore two sessions of one page each");
        // A walk up to the page number would not end here; the build's fork timeout is what stops such a regression.
        SyncSessions.Status status = s.status("big", 3).orElseThrow();
        assertEquals(1, status.session().pagesReceived());
        // it can never complete (its next page is refused): failed at once, with the reason
        assertEquals(SyncState.FAILED, status.session().state());
        assertTrue(status.session().error().contains("100000"), status.session().error());
        assertEquals(List.of(new SyncSession.PageRecord(big, 1, 7, 2)), s.pageRecords("big"));
        assertEquals(List.of(new SyncSessions.Evicted("max", List.of(max)), new SyncSessions.Evicted("big", List.of(big))),
                s.evict(Duration.ofDays(3).toMillis(), Duration.ofDays(2)).stream()
                        .sorted(java.util.Comparator.comparing(SyncSessions.Evicted::corrId).reversed()).toList());
    }

    @Test
    void missingPagesAreListedFromTheReceivedOnes() {
        SyncSessions s = new SyncSessions();
        send(s, full("c", 10, 2, 1, 10), 2, 1);
        send(s, full("c", 10, 5, 1, 10), 5, 1);
        assertEquals(List.of(1L, 3L, 4L, 6L), s.status("c", 4).orElseThrow().pagesMissing());
        assertEquals(List.of(1L, 3L, 4L, 6L, 7L, 8L, 9L, 10L), s.status("c", 1000).orElseThrow().pagesMissing());
        assertEquals(List.of(2L, 5L), s.pageRecords("c").stream().map(SyncSession.PageRecord::page).toList());
    }
}
