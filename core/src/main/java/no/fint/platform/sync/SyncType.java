package no.fint.platform.sync;

/** The kind of a sync, decided by the HTTP verb: POST full, PATCH delta, DELETE delete. */
public enum SyncType {
    /** Everything of one resource type; on completion what it did not contain is deleted. */
    FULL,
    /** Upserts. */
    DELTA,
    /** Each entry becomes a tombstone. */
    DELETE
}
