package no.fint.platform.consumer;

import jakarta.ws.rs.core.Response;
import no.fint.platform.render.MediaNegotiation;
import no.fint.platform.render.V1Bodies;

/** Builds the v1 answers of the resource endpoints. */
final class V1Responses {

    private V1Responses() {
    }

    // The media type is JAX-RS's choice from the interface's @Produces: RouteFilter narrowed the
    // Accept header to v1's choice, V1ResponseFilter adds the charset.

    static Response ok(Object entity) {
        return Response.ok(entity).build();
    }

    /** v1's answer to an organisation it holds no cache for. */
    static Response cacheNotFound(String orgId) {
        return Response.status(503).entity(V1Bodies.cacheNotFound(orgId)).build();
    }

    static Response entityNotFound(String idValue) {
        return Response.status(404).entity(V1Bodies.entityNotFound(idValue)).build();
    }

    static Response json(byte[] body) {
        return Response.ok(body, MediaNegotiation.JSON).build();
    }
}
