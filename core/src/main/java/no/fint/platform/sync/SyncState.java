package no.fint.platform.sync;

/** Where a sync is. {@link #COMPLETING} is internal: shown as IN_PROGRESS until its stale deletion is done. */
public enum SyncState {
    /** Pages are arriving. */
    IN_PROGRESS,
    /** Every page arrived (a full sync): stale resources are being deleted. */
    COMPLETING,
    /** Every page arrived and, for a full sync, the stale resources are deleted. */
    COMPLETED,
    /** Abandoned, or its pages did not add up: nothing was deleted. */
    FAILED,
    /** A newer full sync for the same organisation and resource started before this one completed. */
    SUPERSEDED;

    public boolean terminal() {
        return this == COMPLETED || this == FAILED || this == SUPERSEDED;
    }

    /** The state as the status API shows it. */
    public String external() {
        return this == COMPLETING ? IN_PROGRESS.name() : name();
    }
}
