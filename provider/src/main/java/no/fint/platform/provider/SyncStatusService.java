package no.fint.platform.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import no.fint.platform.api.provider.model.SyncStatus;
import no.fint.platform.auth.Access;
import no.fint.platform.auth.FintPrincipal;
import no.fint.platform.auth.ProviderRules;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ResourceType;
import no.fint.platform.service.Problems;
import no.fint.platform.sync.SyncSession;

import java.util.Optional;

/**
 * What became of a sync, for {@code GET /provider/sync/{corrId}}: for an adapter of the sync's
 * organisation with the component's role; a sync of another organisation is unknown (404).
 */
@ApplicationScoped
public class SyncStatusService {

    static final int MISSING_LIMIT = 1000;

    private SessionStore sessions;
    private InformationModel model;

    /** For CDI. */
    protected SyncStatusService() {
    }

    @Inject
    public SyncStatusService(SessionStore sessions, InformationModel model) {
        this.sessions = sessions;
        this.model = model;
    }

    public Response status(FintPrincipal caller, String corrId) {
        Optional<SyncStatus> status = status(corrId);
        if (status.isEmpty()) {
            return Problems.response(404, "Unknown sync", "No sync with corrId " + corrId
                    + " (unknown, or finished more than the retention ago)");
        }
        SyncStatus s = status.get();
        Optional<ResourceType> type = model.resourceByPath(s.getResource());
        Access access = type.isEmpty() ? Access.forbidden("unknown resource " + s.getResource())
                : ProviderRules.syncStatus(caller, corrId, s.getOrgId(), type.get().component());
        if (!access.allowed()) {
            return Problems.response(access.status(), access.status() == 404 ? "Unknown sync" : "Forbidden", access.reason());
        }
        return JsonBodies.ok(s);
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
