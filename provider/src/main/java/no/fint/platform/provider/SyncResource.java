package no.fint.platform.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import no.fint.platform.api.provider.SyncApi;
import no.fint.platform.api.provider.model.SyncPage;
import no.fint.platform.auth.FintPrincipal;
import no.fint.platform.service.auth.TokenSecurityContext;
import no.fint.platform.sync.SyncType;

/** The sync endpoints (FINT v2 wire format): POST full, PATCH delta, DELETE delete, and the sync status. */
@ApplicationScoped
public class SyncResource implements SyncApi {

    private SyncService service;
    private SyncStatusService status;

    @Context
    SecurityContext security;

    /** For CDI. */
    protected SyncResource() {
    }

    @Inject
    public SyncResource(SyncService service, SyncStatusService status) {
        this.service = service;
        this.status = status;
    }

    @Override
    public Response fullSync(String domainName, String packageName, String resourceName, SyncPage page) {
        return service.page(caller(), SyncType.FULL, domainName, packageName, resourceName, page);
    }

    @Override
    public Response deltaSync(String domainName, String packageName, String resourceName, SyncPage page) {
        return service.page(caller(), SyncType.DELTA, domainName, packageName, resourceName, page);
    }

    @Override
    public Response deleteSync(String domainName, String packageName, String resourceName, SyncPage page) {
        return service.page(caller(), SyncType.DELETE, domainName, packageName, resourceName, page);
    }

    @Override
    public Response fullSyncNested(String domainName, String packageName, String subPackageName, String resourceName, SyncPage page) {
        return service.page(caller(), SyncType.FULL, domainName, packageName + "." + subPackageName, resourceName, page);
    }

    @Override
    public Response deltaSyncNested(String domainName, String packageName, String subPackageName, String resourceName, SyncPage page) {
        return service.page(caller(), SyncType.DELTA, domainName, packageName + "." + subPackageName, resourceName, page);
    }

    @Override
    public Response deleteSyncNested(String domainName, String packageName, String subPackageName, String resourceName, SyncPage page) {
        return service.page(caller(), SyncType.DELETE, domainName, packageName + "." + subPackageName, resourceName, page);
    }

    @Override
    public Response syncStatus(String corrId) {
        return status.status(caller(), corrId);
    }

    private FintPrincipal caller() {
        return TokenSecurityContext.principal(security);
    }
}
