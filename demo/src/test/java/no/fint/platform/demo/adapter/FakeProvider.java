package no.fint.platform.demo.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A stand-in for the provider's HTTP API in unit tests of the adapter's protocol (the real provider
 * and broker are in {@link DemoAdapterIT}): records every request and answers through a replaceable
 * function, by default as the provider does (200 register and heartbeat, 201 full and delta pages,
 * 200 delete pages, 404 for sync status).
 */
final class FakeProvider implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received. */
    record Request(String method, String path, String query, byte[] body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** An answer. */
    record Answer(int status, String contentType, String body, String retryAfter) {
        static Answer of(int status) {
            return new Answer(status, null, "", null);
        }

        static Answer problem(int status, String detail) {
            return new Answer(status, "application/problem+json",
                    "{\"title\":\"Refused\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}", null);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Answer> answers = FakeProvider::standard;

    FakeProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        // Concurrent requests are handled concurrently, as by a real provider.
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    static Answer standard(Request r) {
        if (r.path().equals("/provider/register") || r.path().equals("/provider/heartbeat")) {
            return Answer.of(200);
        }
        if (r.method().equals("GET")) {
            return Answer.problem(404, "Unknown sync");
        }
        return Answer.of(switch (r.method()) {
            case "POST", "PATCH" -> 201;
            case "DELETE" -> 200;
            default -> 405;
        });
    }

    void answer(Function<Request, Answer> f) {
        answers = f;
    }

    Function<Request, Answer> answers() {
        return answers;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests() {
        return new ArrayList<>(requests);
    }

    List<Request> requests(String method, String pathPrefix) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Request r = new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestURI().getRawQuery(),
                    ex.getRequestBody().readAllBytes());
            requests.add(r);
            Answer a = answers.apply(r);
            byte[] body = a.body() == null ? new byte[0] : a.body().getBytes(StandardCharsets.UTF_8);
            if (a.contentType() != null) {
                ex.getResponseHeaders().add("Content-Type", a.contentType());
            }
            if (a.retryAfter() != null) {
                ex.getResponseHeaders().add("Retry-After", a.retryAfter());
            }
            ex.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                ex.getResponseBody().write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
