package no.fint.platform.demo.adapter;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The provider API over plain java.net.http. Retries a 503 after the time its {@code Retry-After}
 * says (seconds or an HTTP date), and a connection that cannot be made (the provider starting or
 * restarting) with a growing pause; gives up when asked to stop or after a bounded number of tries.
 * Generic {@link #send}/{@link #get} so further endpoints (the write-request polling of the
 * client-writes issue) use the same retries. Every request carries the adapter's bearer token
 * ({@link TokenSource}).
 */
public final class ProviderClient {

    /** One answer. {@code location} is the {@code Location} header, if any. */
    public record Reply(int status, String body, String contentType, Optional<String> location) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** The provider could not be reached (or kept answering 503) within the retries. */
    public static final class UnavailableException extends RuntimeException {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static final int MAX_RETRIES = 30;
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    private final HttpClient http;
    private final URI base;
    private final StopSignal stop;
    private final Console console;
    private final TokenSource tokens;

    /** Without a token (a provider stand-in in tests). */
    public ProviderClient(URI base, StopSignal stop, Console console) {
        this(base, stop, console, null);
    }

    /** @param tokens the bearer token of every request; null sends none */
    public ProviderClient(URI base, StopSignal stop, Console console, TokenSource tokens) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        this.base = base;
        this.stop = stop;
        this.console = console;
        this.tokens = tokens;
    }

    public URI base() {
        return base;
    }

    public Reply get(String path) {
        return exchange(HttpRequest.newBuilder(uri(path)).GET().header("Accept", "application/json"), "GET", path);
    }

    /** A GET with extra headers (the write-request poll names its organisation and adapter in them). */
    public Reply get(String path, java.util.Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET().header("Accept", "application/json");
        headers.forEach(b::header);
        return exchange(b, "GET", path);
    }

    /** Sends a JSON body with the given method (POST, PATCH, DELETE, ...). */
    public Reply send(String method, String path, byte[] json) {
        return exchange(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json, text/plain")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(json)), method, path);
    }

    private URI uri(String path) {
        return path.startsWith("http://") || path.startsWith("https://") ? URI.create(path) : URI.create(base + path);
    }

    private Reply exchange(HttpRequest.Builder builder, String method, String path) {
        builder.timeout(Duration.ofSeconds(120));
        Duration pause = Duration.ofMillis(500);
        for (int attempt = 1; ; attempt++) {
            if (tokens != null) {
                builder.setHeader("Authorization", "Bearer " + tokens.token()); // renewed while retrying
            }
            HttpRequest request = builder.build();
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                Reply reply = new Reply(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(null),
                        r.headers().firstValue("Location"));
                if (r.statusCode() != 503 || attempt > MAX_RETRIES || stop.requested()) {
                    return reply;
                }
                Duration wait = retryAfter(r.headers().firstValue("Retry-After"));
                console.line("%s %s: 503, retrying in %d s (Retry-After); the provider says:", method, path, wait.toSeconds());
                console.body(r.body());
                if (stop.await(wait)) {
                    return reply;
                }
            } catch (IOException e) {
                if (attempt > MAX_RETRIES || stop.requested()) {
                    throw new UnavailableException(method + " " + base + path + ": " + e, e);
                }
                console.line("%s %s: %s; trying again in %.1f s", method, path, describe(e), pause.toMillis() / 1000.0);
                if (stop.await(pause)) {
                    throw new UnavailableException("stopped while the provider was unreachable", e);
                }
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop.stop();
                throw new UnavailableException("interrupted", e);
            }
        }
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }

    /** {@code Retry-After} as seconds or an HTTP date; 5 s when absent or unreadable, at most 30 s. */
    static Duration retryAfter(Optional<String> header) {
        if (header.isEmpty()) {
            return DEFAULT_RETRY_AFTER;
        }
        String v = header.get().strip();
        Duration d;
        try {
            d = Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException e) {
            try {
                d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                d = d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException e2) {
                d = DEFAULT_RETRY_AFTER;
            }
        }
        return d.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : d;
    }
}
