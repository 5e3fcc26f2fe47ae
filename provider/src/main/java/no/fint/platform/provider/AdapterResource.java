package no.fint.platform.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import no.fint.platform.api.provider.AdapterApi;
import no.fint.platform.api.provider.model.AdapterContract;
import no.fint.platform.api.provider.model.AdapterHeartbeat;

/** Adapter registration, heartbeats and the adapters' status. Thin: {@link AdapterService} decides. */
@ApplicationScoped
public class AdapterResource implements AdapterApi {

    private AdapterService service;

    /** For CDI. */
    protected AdapterResource() {
    }

    @Inject
    public AdapterResource(AdapterService service) {
        this.service = service;
    }

    @Override
    public Response register(AdapterContract contract) {
        return service.register(contract);
    }

    @Override
    public Response heartbeat(AdapterHeartbeat heartbeat) {
        return service.heartbeat(heartbeat);
    }

    @Override
    public Response adapters(String orgId) {
        return JsonBodies.ok(service.adapters(orgId));
    }
}
