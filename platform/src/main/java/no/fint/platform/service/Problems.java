package no.fint.platform.service;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import no.fint.platform.api.provider.model.Problem;
import no.fint.platform.api.provider.model.ProblemEntry;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** RFC 9457 problem+json answers for our own endpoints (never for the v1 consumer API). */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static Response response(int status, String title, String detail) {
        return response(status, title, detail, List.of());
    }

    public static Response response(int status, String title, String detail, List<ProblemEntry> errors) {
        return Response.status(status).type(MEDIA_TYPE).entity(bytes(status, title, detail, errors)).build();
    }

    /** The problem's JSON, for answers given outside JAX-RS. */
    public static byte[] bytes(int status, String title, String detail, List<ProblemEntry> errors) {
        Problem p = new Problem().type("about:blank").title(title).status(status).detail(detail);
        p.setErrors(errors.isEmpty() ? null : errors);
        // Written with our mapper (nulls left out): Jersey's Jackson provider brings a mapper of its own
        // and does not consult a ContextResolver<ObjectMapper>.
        try {
            return Json.mapper().writeValueAsBytes(p);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A JAX-RS error (404, 405, 413, 415, ...) as a problem, with the Allow header it carries; but a
     * 404 outside the service's own paths (below {@code ownPath}) is an empty 404, which lets Helidon
     * route on to /health, /metrics and /openapi.
     */
    public static Response of(WebApplicationException e, UriInfo uri, String ownPath) {
        int status = e.getResponse().getStatus();
        if (status == 404 && !uri.getPath().startsWith(ownPath)) {
            return Response.status(404).build();
        }
        Response r = response(status, title(status), e.getMessage());
        String allow = e.getResponse().getHeaderString("Allow");
        return allow == null ? r : Response.fromResponse(r).header("Allow", allow).build();
    }

    /** A problem's title for a status: its reason phrase (413 in RFC 9110's words). */
    public static String title(int status) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        return status == 413 ? "Payload Too Large" : type != null ? type.getReasonPhrase() : "HTTP " + status;
    }

    /** Anything a service did not expect is its own fault: logged, and a 500 without internals. */
    public static Response internal(Logger log, String service, Throwable e) {
        log.log(Level.SEVERE, "Unhandled error", e);
        return response(500, "Internal Server Error", "The " + service + " failed; the error is logged.");
    }

    public static ProblemEntry entry(Integer index, String identifier, String field, String reason) {
        return new ProblemEntry().index(index).identifier(identifier).field(field).reason(reason);
    }
}
