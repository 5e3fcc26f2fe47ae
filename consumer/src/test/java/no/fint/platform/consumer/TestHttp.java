package no.fint.platform.consumer;

import jakarta.ws.rs.client.WebTarget;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Real HTTP calls to the consumer under test (its {@code @HelidonTest} server), for the ITs: one client
 * and one way to build a request, so each test says only what it sends.
 */
final class TestHttp {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String base;

    TestHttp(WebTarget target) {
        this.base = target.getUri().toString().replaceAll("/$", "");
    }

    String url(String path) {
        return base + path;
    }

    /**
     * Sends {@code body} as {@code contentType} (no header when null), with {@code token} as the bearer
     * token (none when null) and the given header name/value pairs.
     */
    HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body, String contentType, String token,
                              String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(TIMEOUT).method(method, body);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    /** As {@link #send}, with a JSON body (no body when null). */
    HttpResponse<String> json(String method, String path, String json, String token, String... headers) {
        return json == null
                ? send(method, path, HttpRequest.BodyPublishers.noBody(), null, token, headers)
                : send(method, path, HttpRequest.BodyPublishers.ofString(json), "application/json", token, headers);
    }

    /** An answer to {@link #lenient}: status, Content-Type and body. */
    record Answer(int status, String contentType, String body) {
    }

    /**
     * Sends {@code pathAndQuery} exactly as written, also what java.net.URI (and so HttpClient) refuses, such
     * as a malformed escape: through the JDK's lenient URL class.
     */
    @SuppressWarnings("deprecation")
    Answer lenient(String method, String pathAndQuery, String token) {
        try {
            HttpURLConnection c = (HttpURLConnection) new URL(url(pathAndQuery)).openConnection();
            c.setRequestMethod(method);
            c.setConnectTimeout((int) TIMEOUT.toMillis());
            c.setReadTimeout((int) TIMEOUT.toMillis());
            if (token != null) {
                c.setRequestProperty("Authorization", "Bearer " + token);
            }
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(status, c.getContentType(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + pathAndQuery, e);
        }
    }

    /**
     * Calls until {@code done} holds or 30 s have passed, and returns the last answer: the caller asserts
     * on it (never on how long it took).
     */
    static HttpResponse<String> poll(Supplier<HttpResponse<String>> call, Predicate<HttpResponse<String>> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        HttpResponse<String> r = call.get();
        while (!done.test(r) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            r = call.get();
        }
        return r;
    }
}
