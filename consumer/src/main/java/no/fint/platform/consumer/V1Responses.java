package no.fint.platform.consumer;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import no.fint.platform.render.MediaNegotiation;
import no.fint.platform.render.V1Bodies;

/** Builds the v1 answers of the resource endpoints with the negotiated content type. */
final class V1Responses {

    private V1Responses() {
    }

    static String media(HttpHeaders headers) {
        return MediaNegotiation.choose(headers.getHeaderString(HttpHeaders.ACCEPT));
    }

    static Response ok(Object entity, String media) {
        return Response.ok(entity, media).build();
    }

    /** v1's answer to an organisation it holds no cache for. */
    static Response cacheNotFound(String orgId, String media) {
        return Response.status(503).type(media).entity(V1Bodies.cacheNotFound(orgId)).build();
    }

    static Response entityNotFound(String idValue, String media) {
        return Response.status(404).type(media).entity(V1Bodies.entityNotFound(idValue)).build();
    }

    static Response json(byte[] body) {
        return Response.ok(body, MediaNegotiation.JSON).build();
    }
}
