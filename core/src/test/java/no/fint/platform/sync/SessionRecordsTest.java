package no.fint.platform.sync;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionRecordsTest {

    @Test
    void headersAndPagesRoundTrip() {
        SyncSession.Snapshot s = new SyncSession.Snapshot("c", "fint.no", null, "/utdanning/elev/elev", SyncType.FULL, 10, 2,
                1, 2, SyncState.SUPERSEDED, 1, 5, 0, "superseded", "d", 3);
        assertEquals(s, SessionRecords.parseHeader(SessionRecords.header(s)));
        SyncSession.PageRecord p = new SyncSession.PageRecord(2, 5, -77L, 9);
        assertEquals(p, SessionRecords.parsePage(SessionRecords.page(p)));
        assertEquals("c\u001F2", SessionRecords.pageKey("c", 2));
        assertTrue(SessionRecords.isPageKey("c\u001F2"));
        assertFalse(SessionRecords.isPageKey("c"));
        assertEquals("c", SessionRecords.corrId("c\u001F2"));
    }
}
