package no.fint.platform.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.fint.platform.service.Json;

/**
 * JSON bodies written with {@link Json#mapper()} (nulls left out). Jersey's Jackson provider uses a
 * mapper of its own and ignores a {@code ContextResolver<ObjectMapper>}, so the provider serialises
 * its answers itself.
 */
final class JsonBodies {

    private JsonBodies() {
    }

    static Response ok(Object body) {
        try {
            return Response.ok(Json.mapper().writeValueAsBytes(body), MediaType.APPLICATION_JSON_TYPE).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
