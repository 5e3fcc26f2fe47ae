package no.fint.platform.sync;

/**
 * Which resources a completed full sync deletes: those of its organisation and resource type whose
 * latest record is not a tombstone, was not written by this sync (corrId), and was accepted before
 * the sync started (so a delta written while the sync ran survives). A resource already deleted is
 * never deleted again, which makes redoing the step after a crash harmless: exactly one tombstone
 * per stale resource.
 */
public final class StaleRule {

    private StaleRule() {
    }

    public static boolean stale(SyncSession.Snapshot sync, boolean deleted, long lastModified, int corrHash) {
        return !deleted && corrHash != KeyIndex.corrHash(sync.corrId()) && lastModified < sync.startedAt();
    }
}
