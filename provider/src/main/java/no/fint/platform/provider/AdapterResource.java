package no.fint.platform.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import no.fint.platform.api.provider.AdapterApi;
import no.fint.platform.api.provider.model.AdapterContract;
import no.fint.platform.api.provider.model.AdapterHeartbeat;
import no.fint.platform.service.auth.TokenSecurityContext;

/** Adapter registration, heartbeats and the adapters' status. Thin: {@link AdapterService} decides. */
@ApplicationScoped
public class AdapterResource implements AdapterApi {

    private AdapterService service;

    @Context
    SecurityContext security;

    /** For CDI. */
    protected AdapterResource() {
    }

    @Inject
    public AdapterResource(AdapterService service) {
        this.service = service;
    }

    @Override
    public Response register(AdapterContract contract) {
        return service.register(TokenSecurityContext.principal(security), contract);
    }

    @Override
    public Response heartbeat(AdapterHeartbeat heartbeat) {
        return service.heartbeat(TokenSecurityContext.principal(security), heartbeat);
    }

    @Override
    public Response adapters(String orgId) {
        return service.adapters(TokenSecurityContext.principal(security), orgId);
    }
}
