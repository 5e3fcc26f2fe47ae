package no.fint.platform.service;

import io.helidon.common.Weighted;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * Answers 400 to a request whose URI Jersey cannot take, in every service and on every path. Helidon
 * checks a request's path but passes its query string on undecoded; its JAX-RS bridge then builds a
 * {@link URI} of the whole request before any filter of ours runs (and Jersey sees every request first,
 * /health, /metrics and /openapi too), so a malformed escape ({@code ?x=%zz}) or a character URI
 * refuses was a 500 echoing the internal URL. This Helidon filter runs before all routing and before
 * Helidon's own filters, and checks the URI as that bridge builds it. The body is problem+json unless
 * the service words it ({@link Wording}: the consumer's v1 paths answer with Spring's error JSON); it
 * names the part and the fault, never the URL.
 */
@ApplicationScoped
public class RequestUriCheck implements Filter, HttpFeature, Weighted {

    /**
     * Before Helidon's own features: its security filter (weight 800, under the context feature's 1100)
     * decodes the query already, and throws on an escape cut short ({@code ?x=%4}).
     */
    private static final double WEIGHT = 2000;

    /** A service's own 400 for a path; null leaves it to the platform's problem+json. */
    public interface Wording {
        Body badRequest(String rawPath, String message);
    }

    /** An answer's Content-Type and body. */
    public record Body(String contentType, byte[] bytes) {
    }

    private Instance<Wording> wording;

    /** For CDI. */
    protected RequestUriCheck() {
    }

    @Inject
    public RequestUriCheck(Instance<Wording> wording) {
        this.wording = wording;
    }

    /** Added to the server's routing before Helidon builds it (it starts the server at PLATFORM_AFTER + 100). */
    void register(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object event,
                  BeanManager beans) {
        beans.getExtension(ServerCdiExtension.class).serverRoutingBuilder().addFeature(this);
    }

    @Override
    public void setup(HttpRouting.Builder routing) {
        routing.addFilter(this);
    }

    @Override
    public double weight() {
        return WEIGHT;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String rawPath = req.path().absolute().rawPath();
        String message = malformed(req.authority(), rawPath, req.query().rawValue());
        if (message == null) {
            chain.proceed();
            return;
        }
        Body body = wording.isResolvable() ? wording.get().badRequest(rawPath, message) : null;
        if (body == null) {
            body = new Body(Problems.MEDIA_TYPE, Problems.bytes(400, "Bad Request", message, List.of()));
        }
        res.status(Status.BAD_REQUEST_400).header(HeaderNames.CONTENT_TYPE, body.contentType());
        if (req.prologue().method().equals(Method.HEAD)) {
            // The GET's headers, its length included, and no body (Helidon keeps a length set beforehand).
            res.header(HeaderNames.CONTENT_LENGTH, String.valueOf(body.bytes().length)).send();
        } else {
            res.send(body.bytes());
        }
    }

    /**
     * Why {@code http://authority/rawPath?rawQuery} (Helidon's JAX-RS bridge's URI) is no {@link URI}, or
     * null when it is one.
     */
    static String malformed(String authority, String rawPath, String rawQuery) {
        if (plain(authority, rawPath, rawQuery)) {
            return null; // the common case, checked without building a URI
        }
        String prefix = "http://" + authority;
        try {
            new URI(prefix + rawPath + (rawQuery.isEmpty() ? "" : "?" + rawQuery));
            return null;
        } catch (URISyntaxException e) {
            int at = e.getIndex();
            String part = at >= prefix.length() + rawPath.length() ? "query string"
                    : at >= prefix.length() ? "path" : "Host header";
            return "The request's " + part + " is malformed: " + e.getReason();
        }
    }

    /** ASCII characters a URI takes as they are in each part (a subset: anything else goes to {@link URI}). */
    private static final boolean[] AUTHORITY = allowed("-.:");
    private static final boolean[] PATH = allowed("-_.!~*'();:@&=+$,/");
    private static final boolean[] QUERY = allowed("-_.!~*'();:@&=+$,/?");

    private static boolean[] allowed(String marks) {
        boolean[] t = new boolean[128];
        for (char c = '0'; c <= '9'; c++) {
            t[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            t[c] = true;
            t[Character.toUpperCase(c)] = true;
        }
        for (char c : marks.toCharArray()) {
            t[c] = true;
        }
        return t;
    }

    /** True when no part holds anything but characters a URI takes as they are and well-formed escapes. */
    static boolean plain(String authority, String rawPath, String rawQuery) {
        return plain(authority, AUTHORITY) && plain(rawPath, PATH) && plain(rawQuery, QUERY);
    }

    private static boolean plain(String text, boolean[] allowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0 || Character.digit(text.charAt(i + 2), 16) < 0) {
                    return false;
                }
                i += 2;
            } else if (c >= 128 || !allowed[c]) {
                return false;
            }
        }
        return true;
    }
}
