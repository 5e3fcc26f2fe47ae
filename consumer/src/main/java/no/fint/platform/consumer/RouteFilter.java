package no.fint.platform.consumer;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import no.fint.platform.model.InformationModel;
import no.fint.platform.render.MediaNegotiation;
import no.fint.platform.render.V1Bodies;
import no.fint.platform.render.V1Params;
import no.fint.platform.render.V1Route;
import no.fint.platform.service.RequestUriCheck;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Resolves every request against the model before JAX-RS matches it, as v1's Spring dispatch did:
 * case-insensitive segments, nested packages, identifier values with dots and slashes. A v1 route is
 * rewritten to the form the generated interfaces match ({@link V1Route#internalPath()}); what v1's
 * dispatch layer rejected is answered here with Spring Boot's default error JSON: no route under a
 * served component (404), a parameter that does not convert (400), a missing required header (400).
 * The ignored body of {@code $query} is dropped here, within a limit (413).
 * Before those, the caller's token is checked ({@link ClientAuthorisation}: 401, 403).
 * Paths outside the served components are steered away from every resource method, so Helidon
 * serves them (health, metrics, openapi).
 */
@Provider
@PreMatching
@Priority(1)
@ApplicationScoped
public class RouteFilter implements ContainerRequestFilter, RequestUriCheck.Wording {

    /** A path no generated interface matches (one segment). */
    static final String UNMATCHED = "~not-v1";

    private V1Route.Resolver routes;
    private WriteConfig writes;
    private ClientAuthorisation auth;
    private long queryMaxBodyBytes;

    /** For CDI. */
    protected RouteFilter() {
    }

    @Inject
    public RouteFilter(ConsumerSettings settings, InformationModel model, WriteConfig writes,
                       ClientAuthorisation auth,
                       @ConfigProperty(name = "fint.consumer.query.max-body-bytes", defaultValue = "65536") long queryMaxBodyBytes) {
        this.routes = new V1Route.Resolver(model, settings.components());
        this.writes = writes;
        this.auth = auth;
        this.queryMaxBodyBytes = queryMaxBodyBytes;
    }

    @Override
    public void filter(ContainerRequestContext ctx) throws IOException {
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
        Response denied = auth.authorise(route, ctx, raw);
        if (denied != null) {
            ctx.abortWith(denied);
            return;
        }
        if (ctx.getMethod().equals("OPTIONS")) {
            ctx.abortWith(preflight(ctx) ? preflight(route, ctx, raw) : options(route, raw));
            return;
        }
        Response error = checkMethod(route, ctx, raw);
        if (error == null) {
            error = check(route, ctx, raw);
        }
        if (error == null) {
            error = checkWrite(route, ctx, raw);
        }
        if (error == null && route.kind() == V1Route.Kind.QUERY && ctx.getMethod().equals("POST")) {
            error = dropQueryBody(ctx, raw);
        }
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

    /**
     * A request URI Jersey cannot take, answered before routing ({@link RequestUriCheck}): on a v1 path
     * with Spring's error JSON, elsewhere (health, metrics, openapi) with the platform's problem.
     */
    @Override
    public RequestUriCheck.Body badRequest(String rawPath, String message) {
        if (routes.resolve(rawPath).isEmpty()) {
            return null;
        }
        return new RequestUriCheck.Body(MediaNegotiation.JSON,
                V1Bodies.springError(System.currentTimeMillis(), 400, "Bad Request", null, message, rawPath));
    }

    /** A CORS preflight: an OPTIONS with an Origin and the method the browser means to send. */
    private static boolean preflight(ContainerRequestContext ctx) {
        return ctx.getHeaderString("Origin") != null && ctx.getHeaderString("Access-Control-Request-Method") != null;
    }

    /**
     * A preflight as v1's {@code @CrossOrigin} handlers answered it under Spring 4.3's defaults (any
     * origin, any header, credentials, 30 minutes): for a method the path takes, 200 without a body,
     * {@code Access-Control-Allow-Methods} that handler's method, the requested headers allowed, and
     * {@code Access-Control-Max-Age: 1800} (the response filter echoes the Origin and allows
     * credentials). For a method it does not take, Spring found no handler and answered as a plain
     * OPTIONS, which a browser then refuses. Needed here more than in v1: a browser's request with a
     * bearer token is always preflighted.
     */
    private Response preflight(V1Route route, ContainerRequestContext ctx, String raw) {
        String method = ctx.getHeaderString("Access-Control-Request-Method").trim();
        if (!methods(route).contains(method)) {
            return options(route, raw);
        }
        Response.ResponseBuilder answer = Response.ok().header("Access-Control-Allow-Methods", method)
                .header("Access-Control-Max-Age", "1800");
        String requested = ctx.getHeaderString("Access-Control-Request-Headers");
        if (requested != null) {
            StringJoiner headers = new StringJoiner(",");
            for (String h : requested.split(",")) {
                if (!h.isBlank()) {
                    headers.add(h.trim());
                }
            }
            if (headers.length() > 0) {
                answer.header("Access-Control-Allow-Headers", headers.toString());
            }
        }
        return answer.build();
    }

    /**
     * The methods v1 mapped for the route, in mapping order (GET first), none where it mapped nothing: a
     * write method only where writes are enabled for the class ({@link no.fint.platform.write.WritePolicy}).
     */
    private List<String> methods(V1Route route) {
        return switch (route.kind()) {
            case ROOT, LAST_UPDATED, CACHE_SIZE, ADMIN, OPENAPI -> List.of("GET");
            case QUERY -> List.of("POST");
            case COLLECTION -> writes.policy().writeable(route.type()) ? List.of("GET", "POST") : List.of("GET");
            case ONE -> {
                List<String> m = new ArrayList<>(List.of("GET"));
                if (writes.policy().writeable(route.type())) {
                    m.add("PUT");
                }
                if (writes.policy().deletable(route.type())) {
                    m.add("DELETE");
                }
                yield m;
            }
            case STATUS -> writes.policy().writeable(route.type()) ? List.of("GET") : List.of();
            case NOT_FOUND -> List.of();
        };
    }

    /**
     * OPTIONS as Spring MVC 4.3 answered it without a handler of its own (its HttpOptionsHandler):
     * before any parameter or header check, 200 with {@code Allow} listing the route's declared methods
     * (HEAD after GET; OPTIONS itself only from Spring 5 on) and no body; a path without a route is the
     * GET's 404.
     */
    private Response options(V1Route route, String raw) {
        List<String> methods = methods(route);
        if (methods.isEmpty()) {
            return springError(404, V1Bodies.notFound(System.currentTimeMillis(), raw));
        }
        StringBuilder allow = new StringBuilder();
        for (String m : methods) {
            allow.append(allow.isEmpty() ? "" : ",").append(m).append(m.equals("GET") ? ",HEAD" : "");
        }
        return Response.ok().header("Allow", allow.toString()).build();
    }

    /**
     * 405 with Spring's error JSON and {@code Allow} for a method the route has no handler for (a write
     * to a class that is not writeable, DELETE where not enabled, GET on {@code $query}, anything but
     * GET on the read-only routes), before any parameter or header check, as Spring's handler mapping
     * decided it. A route with no handler at all (a status of a class without writes) is left to the
     * 404 further on.
     */
    private Response checkMethod(V1Route route, ContainerRequestContext ctx, String raw) {
        String method = method(ctx); // never OPTIONS: answered before
        if (method.equals("GET") && route.kind() != V1Route.Kind.QUERY) {
            return null; // every other route takes GET (a status without writes is a 404): the read path stays as it was
        }
        List<String> methods = methods(route);
        if (methods.isEmpty() || methods.contains(method)) {
            return null;
        }
        return notAllowed(System.currentTimeMillis(), ctx.getMethod(), raw, String.join(", ", methods)); // HEAD named as sent
    }

    /** HEAD is answered as GET (its body left out). */
    private static String method(ContainerRequestContext ctx) {
        return ctx.getMethod().equals("HEAD") ? "GET" : ctx.getMethod();
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
                if (route.rest().equals(List.of("health"))) {
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

    /**
     * What v1's dispatch answered for writes, once {@link #checkMethod} has let the method through: 404
     * for the status route of a class that is not writeable (v1 generated none), 400 for a missing
     * {@code x-org-id} or {@code x-client}, a {@code validate} that does not convert or a missing body,
     * 413 for a body declared larger than the limit.
     */
    private Response checkWrite(V1Route route, ContainerRequestContext ctx, String raw) {
        if (route.type() == null) {
            return null;
        }
        String method = method(ctx);
        long now = System.currentTimeMillis();
        boolean write;
        switch (route.kind()) {
            case COLLECTION, ONE -> {
                if (method.equals("GET")) {
                    return null;
                }
                write = true; // a method the route takes (checkMethod)
            }
            case STATUS -> {
                if (!writes.policy().writeable(route.type())) {
                    return springError(404, V1Bodies.notFound(now, raw));
                }
                write = false;
            }
            default -> {
                return null;
            }
        }
        for (String header : new String[]{"x-org-id", "x-client"}) {
            if (ctx.getHeaderString(header) == null) {
                return springError(400, V1Bodies.missingHeader(now, header, raw));
            }
        }
        if (write && route.kind() == V1Route.Kind.COLLECTION) {
            try {
                V1Params.booleanParam(ctx.getUriInfo().getQueryParameters().getFirst("validate"));
            } catch (V1Params.Mismatch e) {
                return springError(400, V1Bodies.typeMismatch(now, e.getMessage(), raw));
            }
        }
        if (write && !method.equals("DELETE")) {
            int length = ctx.getLength();
            if (length > writes.maxBodyBytes()) {
                return springError(413, V1Bodies.tooLarge(now, writes.maxBodyBytes(), raw));
            }
            if (length == 0 || (length < 0 && ctx.getHeaderString("Transfer-Encoding") == null)) {
                return springError(400, V1Bodies.notReadable(now, "Required request body is missing", raw));
            }
            MediaType type = ctx.getMediaType();
            if (type == null) {
                // Without a declared type the body is read as JSON; JAX-RS needs one to find the reader.
                ctx.getHeaders().putSingle("Content-Type", "application/json");
            } else if (!json(type)) {
                // Spring's JSON converter took application/json and application/*+json only.
                return springError(415, V1Bodies.mediaTypeNotSupported(now, type.toString(), raw));
            }
        }
        return null;
    }

    /**
     * The body of {@code POST $query}: v1 ignored it while its cache was on (as here), so it is read and
     * dropped, never held: at most {@code fint.consumer.query.max-body-bytes}, 413 above (a declared
     * length before reading, a chunked body as soon as it passes). The generated method then gets an
     * empty body.
     */
    private Response dropQueryBody(ContainerRequestContext ctx, String raw) throws IOException {
        if (ctx.getLength() > queryMaxBodyBytes) {
            return springError(413, V1Bodies.tooLarge(System.currentTimeMillis(), queryMaxBodyBytes, raw));
        }
        InputStream in = ctx.getEntityStream();
        byte[] buf = new byte[8192];
        long read = 0;
        for (int n; (n = in.read(buf)) >= 0; ) {
            read += n;
            if (read > queryMaxBodyBytes) {
                return springError(413, V1Bodies.tooLarge(System.currentTimeMillis(), queryMaxBodyBytes, raw));
            }
        }
        ctx.setEntityStream(InputStream.nullInputStream());
        return null;
    }

    private static boolean json(MediaType type) {
        return type.isWildcardType() || type.getType().equalsIgnoreCase("application")
                && (type.isWildcardSubtype() || type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
    }

    private static Response notAllowed(long now, String method, String raw, String allow) {
        return Response.status(405).type(MediaNegotiation.JSON).header("Allow", allow)
                .entity(V1Bodies.methodNotSupported(now, method, raw)).build();
    }

    private static Response springError(int status, byte[] body) {
        return Response.status(status).type(MediaNegotiation.JSON).entity(body).build();
    }
}
