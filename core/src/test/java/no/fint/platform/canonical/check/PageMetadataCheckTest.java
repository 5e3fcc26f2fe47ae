package no.fint.platform.canonical.check;

import no.fint.platform.canonical.Violation;
import no.fint.platform.sync.PageMeta;
import no.fint.platform.sync.SyncType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageMetadataCheckTest {

    static List<String> fields(SyncType type, Long totalSize, Long page, Long pageSize, Long totalPages, int entries) {
        return PageMetadataCheck.check(new PageMeta("c", "fint.no", "a", "/utdanning/elev/elev", type, totalSize, page, pageSize,
                totalPages, entries).withDefaults()).stream().map(Violation::field).toList();
    }

    @Test
    void consistentPagesPass() {
        assertTrue(fields(SyncType.FULL, 250L, 1L, 100L, 3L, 100).isEmpty());
        assertTrue(fields(SyncType.FULL, 250L, 3L, 50L, 3L, 50).isEmpty());
        assertTrue(fields(SyncType.FULL, 0L, 1L, 0L, 1L, 0).isEmpty());
        assertTrue(fields(SyncType.DELTA, null, null, null, null, 4).isEmpty(), "a delta without numbers is page 1 of 1");
    }

    @Test
    void pageOutOfRange() {
        assertEquals(List.of("metadata.page"), fields(SyncType.FULL, 250L, 4L, 50L, 3L, 50));
        assertEquals(List.of("metadata.page"), fields(SyncType.FULL, 250L, 0L, 50L, 3L, 50));
    }

    @Test
    void totalsInconsistent() {
        assertEquals(List.of("metadata.totalPages"), fields(SyncType.FULL, 2L, 1L, 1L, 3L, 1));
        assertEquals(List.of("metadata.totalPages"), fields(SyncType.FULL, 0L, 1L, 0L, 2L, 0));
        assertEquals(List.of("metadata.pageSize"), fields(SyncType.FULL, 10L, 1L, 5L, 2L, 4));
        assertEquals(List.of("resources"), fields(SyncType.FULL, 3L, 1L, null, 1L, 4));
        assertEquals(List.of("resources"), fields(SyncType.FULL, 3L, 1L, null, 1L, 0));
        assertEquals(List.of("metadata.totalPages"), fields(SyncType.FULL, 3L, 1L, null, 0L, 3));
    }

    @Test
    void aFullSyncMustSayItsSize() {
        assertEquals(List.of("metadata.totalSize", "metadata.page", "metadata.totalPages"), fields(SyncType.FULL, null, null, null, null, 1));
    }

    @Test
    void corrIdAndOrgId() {
        List<Violation> v = PageMetadataCheck.check(new PageMeta(" ", "Fint No", null, "/x", SyncType.DELTA, 1L, 1L, 1L, 1L, 1));
        assertEquals(List.of("metadata.corrId", "metadata.orgId"), v.stream().map(Violation::field).toList());
        v = PageMetadataCheck.check(new PageMeta("a\u001Fb", "fint.no", null, "/x", SyncType.DELTA, 1L, 1L, 1L, 1L, 1));
        assertEquals("contains control characters", v.get(0).reason());
    }

    @Test
    void numbersAboveTheLimitsAreRefusedNamingFieldAndLimit() {
        // QA's page: page 2,000,000,000 of as many pages of one resource each
        List<Violation> v = PageMetadataCheck.check(new PageMeta("c", "fint.no", "a", "/utdanning/elev/elev", SyncType.FULL,
                2_000_000_000L, 2_000_000_000L, 1L, 2_000_000_000L, 1));
        assertEquals(List.of("metadata.totalSize", "metadata.totalPages"), v.stream().map(Violation::field).toList());
        assertTrue(v.get(0).reason().contains("at most 10000000"), v.get(0).reason());
        assertTrue(v.get(1).reason().contains("at most 100000"), v.get(1).reason());
        long max = Long.MAX_VALUE;
        assertEquals(List.of("metadata.totalSize", "metadata.totalPages"), fields(SyncType.FULL, max, max, 1L, max, 1));
        assertEquals(List.of("metadata.totalSize", "metadata.totalPages"), fields(SyncType.DELETE, max, max, 1L, max, 1));
        assertEquals(List.of("metadata.totalSize"), fields(SyncType.FULL, 10_000_001L, 1L, 1L, 1L, 1));
        assertEquals(List.of("metadata.totalPages"), fields(SyncType.FULL, 200_000L, 1L, 1L, 100_001L, 1));
        assertEquals(List.of("metadata.pageSize"), fields(SyncType.FULL, 200_000L, 1L, 100_001L, 2L, 100_001));
        assertEquals(List.of("resources"), fields(SyncType.FULL, 200_000L, 1L, null, 2L, 100_001));
        assertTrue(fields(SyncType.FULL, 10_000_000L, 100_000L, 100_000L, 100_000L, 100_000).isEmpty(), "the limits themselves pass");
    }

    @Test
    void aDeltaOrDeletePageWithSomeNumbersGivesAllThree() {
        assertEquals(List.of("metadata.totalSize", "metadata.totalPages"), fields(SyncType.DELTA, null, 3L, null, null, 1));
        assertEquals(List.of("metadata.page"), fields(SyncType.DELETE, 1L, null, null, 1L, 1));
        assertTrue(fields(SyncType.DELTA, 1L, 1L, null, 1L, 1).isEmpty());
    }

    @Test
    void aCorrIdWithAnUnpairedSurrogateIsRefused() {
        // UTF-8 cannot carry it: Kafka's string serialiser would turn it into '?', another sync's corrId
        List<Violation> v = PageMetadataCheck.check(new PageMeta("qa\ud800", "fint.no", null, "/x", SyncType.DELTA, 1L, 1L, 1L, 1L, 1));
        assertEquals(List.of("metadata.corrId"), v.stream().map(Violation::field).toList());
        assertTrue(v.get(0).reason().contains("unpaired UTF-16 surrogate"), v.get(0).reason());
        assertTrue(PageMetadataCheck.check(new PageMeta("qa\uD83D\uDE00", "fint.no", null, "/x", SyncType.DELTA, 1L, 1L, 1L, 1L, 1)).isEmpty());
    }
}
