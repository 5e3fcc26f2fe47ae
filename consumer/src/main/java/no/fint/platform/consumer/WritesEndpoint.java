package no.fint.platform.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import no.fint.platform.api.consumer.WritesApi;
import no.fint.platform.api.consumer.model.WriteBody;
import no.fint.platform.render.V1Params;
import no.fint.platform.write.Operation;

import java.util.Locale;

/**
 * v1's write endpoints and their status. Routes, methods, required headers and the {@code validate}
 * parameter arrive checked by {@link RouteFilter}; {@link WriteService} decides.
 */
@ApplicationScoped
public class WritesEndpoint implements WritesApi {

    private WriteService service;

    /** For CDI. */
    protected WritesEndpoint() {
    }

    @Inject
    public WritesEndpoint(WriteService service) {
        this.service = service;
    }

    @Override
    public Response createResource(String domain, String pkg, String resource, WriteBody body, String validate, String xOrgId,
                                   String xClient) {
        boolean validateOnly;
        try {
            validateOnly = V1Params.booleanParam(validate);
        } catch (V1Params.Mismatch e) {
            throw new IllegalStateException("RouteFilter lets no unconvertible parameter through", e);
        }
        return service.write(domain, pkg, resource, validateOnly ? Operation.VALIDATE : Operation.CREATE, null, body(body), xOrgId, xClient);
    }

    @Override
    public Response updateResource(String domain, String pkg, String resource, String idField, String idValue, WriteBody body,
                                   String xOrgId, String xClient) {
        return service.write(domain, pkg, resource, Operation.UPDATE, idField.toLowerCase(Locale.ROOT) + "/" + idValue, body(body), xOrgId, xClient);
    }

    @Override
    public Response deleteResource(String domain, String pkg, String resource, String idField, String idValue, String xOrgId,
                                   String xClient) {
        return service.write(domain, pkg, resource, Operation.DELETE, idField.toLowerCase(Locale.ROOT) + "/" + idValue, null, xOrgId, xClient);
    }

    @Override
    public Response getWriteStatus(String domain, String pkg, String resource, String corrId, String xOrgId, String xClient) {
        try {
            return service.status(domain, pkg, resource, corrId, xOrgId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.status(503).build();
        }
    }

    private static WriteBodyReader.ClientBody body(WriteBody b) {
        return b instanceof WriteBodyReader.ClientBody c ? c : null;
    }
}
