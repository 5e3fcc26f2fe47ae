package no.fint.platform.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.fint.platform.api.provider.model.SyncStatus;
import no.fint.platform.sync.SyncSession;

import java.util.Optional;

/** What became of a sync, for {@code GET /provider/sync/{corrId}}. */
@ApplicationScoped
public class SyncStatusService {

    static final int MISSING_LIMIT = 1000;

    private SessionStore sessions;

    /** For CDI. */
    protected SyncStatusService() {
    }

    @Inject
    public SyncStatusService(SessionStore sessions) {
        this.sessions = sessions;
    }

    public Optional<SyncStatus> status(String corrId) {
        return sessions.sessions().status(corrId, MISSING_LIMIT).map(st -> {
            SyncSession.Snapshot s = st.session();
            return new SyncStatus().corrId(s.corrId()).orgId(s.orgId()).adapterId(s.adapterId()).resource(s.resource())
                    .syncType(SyncStatus.SyncTypeEnum.fromValue(s.type().name()))
                    .state(SyncStatus.StateEnum.fromValue(s.state().external()))
                    .totalPages(s.totalPages()).totalSize(s.totalSize()).pagesReceived(s.pagesReceived())
                    .pagesMissing(st.pagesMissing()).resourcesReceived(s.resourcesReceived())
                    .resourcesDeleted(s.resourcesDeleted()).error(s.error()).supersededBy(s.supersededBy())
                    .startedAt(s.startedAt()).updatedAt(s.updatedAt());
        });
    }
}
