package no.fint.platform.sync;

import java.util.List;

/** What {@link SyncSessions#admit} decided about a page. */
public sealed interface Admission {

    /** Write the page; then report {@link SyncSessions#written} or {@link SyncSessions#aborted}. */
    record Accepted(SyncSession.Snapshot session, List<SyncSession.Snapshot> superseded) implements Admission {
    }

    /** The page arrived before with the same content: answer success, write nothing. */
    record Replayed(SyncSession.Snapshot session) implements Admission {
    }

    /**
     * Refused: {@code status} 400 (metadata inconsistent with earlier pages of the sync) or 409 (the
     * sync is closed, the page arrived before with other content, or the same page is being written).
     */
    record Refused(int status, String field, String reason) implements Admission {
    }
}
