package no.fint.platform.consumer;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import no.fint.platform.model.InformationModel;
import no.fint.platform.render.MediaNegotiation;
import no.fint.platform.render.V1Bodies;
import no.fint.platform.render.V1Params;
import no.fint.platform.render.V1Route;

import java.net.URI;
import java.util.Optional;

/**
 * Resolves every request against the model before JAX-RS matches it, as v1's Spring dispatch did:
 * case-insensitive segments, nested packages, identifier values with dots and slashes. A v1 route is
 * rewritten to the form the generated interfaces match ({@link V1Route#internalPath()}); what v1's
 * dispatch layer rejected is answered here with Spring Boot's default error JSON: no route under a
 * served component (404), a parameter that does not convert (400), a missing required header (400).
 * Paths outside the served components are steered away from every resource method, so Helidon
 * serves them (health, metrics, openapi).
 */
@Provider
@PreMatching
@Priority(1)
@ApplicationScoped
public class RouteFilter implements ContainerRequestFilter {

    /** A path no generated interface matches (one segment). */
    static final String UNMATCHED = "~not-v1";

    private V1Route.Resolver routes;

    /** For CDI. */
    protected RouteFilter() {
    }

    @Inject
    public RouteFilter(ConsumerSettings settings, InformationModel model) {
        this.routes = new V1Route.Resolver(model, settings.components());
    }

    @Override
    public void filter(ContainerRequestContext ctx) {
        URI uri = ctx.getUriInfo().getRequestUri();
        String raw = uri.getRawPath();
        Optional<V1Route> resolved = routes.resolve(raw);
        if (resolved.isEmpty()) {
            // Not a v1 path: make sure no resource method matches it, so Helidon routes on to
            // /health, /metrics, /openapi (it does so only for a 404 without a matched method).
            ctx.setRequestUri(ctx.getUriInfo().getBaseUri(), ctx.getUriInfo().getBaseUri().resolve(UNMATCHED));
            return;
        }
        V1Route route = resolved.get();
        Response error = check(route, ctx, raw);
        if (error != null) {
            ctx.abortWith(error);
            return;
        }
        if (route.type() != null) {
            // v1's (Spring's) choice between the two media types; JAX-RS then produces exactly it
            // (and answers 406 where neither fits), the response filter adds the charset.
            String media = MediaNegotiation.chooseOrNull(ctx.getHeaderString("Accept"));
            if (media != null) {
                ctx.getHeaders().putSingle("Accept", media);
            }
        }
        String internal = route.internalPath();
        if (!internal.equals(raw)) {
            URI base = ctx.getUriInfo().getBaseUri();
            String query = uri.getRawQuery();
            String b = base.toString();
            if (b.endsWith("/")) {
                b = b.substring(0, b.length() - 1);
            }
            ctx.setRequestUri(base, URI.create(b + internal + (query == null ? "" : "?" + query)));
        }
    }

    private static Response check(V1Route route, ContainerRequestContext ctx, String raw) {
        long now = System.currentTimeMillis();
        switch (route.kind()) {
            case NOT_FOUND -> {
                return springError(404, V1Bodies.notFound(now, raw));
            }
            case COLLECTION, QUERY -> {
                MultivaluedMap<String, String> q = ctx.getUriInfo().getQueryParameters();
                try {
                    V1Params.longParam(q.getFirst("sinceTimeStamp"));
                    V1Params.intParam(q.getFirst("size"));
                    V1Params.intParam(q.getFirst("offset"));
                } catch (V1Params.Mismatch e) {
                    return springError(400, V1Bodies.typeMismatch(now, e.getMessage(), raw));
                }
            }
            case ADMIN -> {
                if (route.rest().equals(java.util.List.of("health"))) {
                    for (String header : new String[]{"x-org-id", "x-client"}) {
                        if (ctx.getHeaderString(header) == null) {
                            return springError(400, V1Bodies.missingHeader(now, header, raw));
                        }
                    }
                }
            }
            default -> {
            }
        }
        return null;
    }

    private static Response springError(int status, byte[] body) {
        return Response.status(status).type(MediaNegotiation.JSON).entity(body).build();
    }
}
