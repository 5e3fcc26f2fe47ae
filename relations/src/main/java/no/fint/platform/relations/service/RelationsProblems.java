package no.fint.platform.relations.service;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import no.fint.platform.service.Problems;

import java.util.logging.Logger;

/** The relations service's own endpoints answer errors as problem+json, as the provider's do. */
public final class RelationsProblems {

    private static final Logger LOG = Logger.getLogger(RelationsProblems.class.getName());

    private RelationsProblems() {
    }

    /** 404 under /relations, 405, 406 and the other JAX-RS errors. */
    @Provider
    @ApplicationScoped
    @Priority(1)
    public static class WebMapper implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            return Problems.of(e, uri, "relations");
        }
    }

    /** Anything else is our fault: log it, answer 500 without internals. */
    @Provider
    @ApplicationScoped
    @Priority(10)
    public static class FallbackMapper implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            return Problems.internal(LOG, "relations service", e);
        }
    }
}
