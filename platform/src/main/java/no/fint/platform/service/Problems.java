package no.fint.platform.service;

import jakarta.ws.rs.core.Response;
import no.fint.platform.api.provider.model.Problem;
import no.fint.platform.api.provider.model.ProblemEntry;

import java.util.List;

/** RFC 9457 problem+json answers for our own endpoints (never for the v1 consumer API). */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static Response response(int status, String title, String detail) {
        return response(status, title, detail, List.of());
    }

    public static Response response(int status, String title, String detail, List<ProblemEntry> errors) {
        Problem p = new Problem().type("about:blank").title(title).status(status).detail(detail);
        p.setErrors(errors.isEmpty() ? null : errors);
        // Written with our mapper (nulls left out): Jersey's Jackson provider brings a mapper of its own
        // and does not consult a ContextResolver<ObjectMapper>.
        try {
            return Response.status(status).type(MEDIA_TYPE).entity(Json.mapper().writeValueAsBytes(p)).build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ProblemEntry entry(Integer index, String identifier, String field, String reason) {
        return new ProblemEntry().index(index).identifier(identifier).field(field).reason(reason);
    }
}
