package no.fint.platform.sync;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StaleRuleTest {

    private static final SyncSession.Snapshot SYNC = new SyncSession.Snapshot("c", "fint.no", "a", "/utdanning/elev/elev",
            SyncType.FULL, 1, 1, 1_000, 2_000, SyncState.COMPLETING, 1, 1, 0, null, null, 1);

    @Test
    void onlyLiveResourcesOlderThanTheSyncAndNotFromItAreStale() {
        assertTrue(StaleRule.stale(SYNC, false, 999, KeyIndex.corrHash("older")));
        assertFalse(StaleRule.stale(SYNC, true, 999, KeyIndex.corrHash("older")), "already deleted: never twice");
        assertFalse(StaleRule.stale(SYNC, false, 999, KeyIndex.corrHash("c")), "written by this sync (whatever the clocks say)");
        assertFalse(StaleRule.stale(SYNC, false, 1_500, KeyIndex.corrHash("delta")), "a delta while the sync ran");
    }
}
