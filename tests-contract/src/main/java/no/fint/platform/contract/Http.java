package no.fint.platform.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** A small HTTP client for driving the stack from the outside, with or without a bearer token. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    /** The shared client, for requests the helpers here do not cover (raw bytes, other headers). */
    public static HttpClient client() {
        return CLIENT;
    }

    public static HttpResponse<String> get(String url) {
        return get(url, null);
    }

    /** GET with {@code Authorization: Bearer token} (none when null). */
    public static HttpResponse<String> get(String url, String token) {
        return send(bearer(HttpRequest.newBuilder(URI.create(url)).GET(), token).build());
    }

    public static HttpResponse<String> send(String method, String url, String json) {
        return send(method, url, json, null);
    }

    /** A JSON body with {@code Authorization: Bearer token} (none when null). */
    public static HttpResponse<String> send(String method, String url, String json, String token) {
        return send(bearer(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)), token).build());
    }

    private static HttpRequest.Builder bearer(HttpRequest.Builder b, String token) {
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GETs {@code url} until {@code done} holds or {@code timeout} passes; returns the last answer. */
    public static HttpResponse<String> poll(String url, Predicate<HttpResponse<String>> done, Duration timeout) {
        return poll(url, null, done, timeout);
    }

    /** {@link #poll(String, Predicate, Duration)} with a bearer token. */
    public static HttpResponse<String> poll(String url, String token, Predicate<HttpResponse<String>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> r = get(url, token);
        while (!done.test(r) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            r = get(url, token);
        }
        return r;
    }
}
