package no.fint.platform.bench;

import com.sun.net.httpserver.HttpServer;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The send-each-once mode: every request reaches the server once, with its body, and each answer's status is kept in order. */
class LoadGenTest {

    private HttpServer server;
    private final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
            if (body.startsWith("bad")) {
                byte[] answer = "{\"title\":\"bad\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(400, answer.length); // Content-Length
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            } else if (body.endsWith("0")) {
                exchange.sendResponseHeaders(201, 0); // chunked
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
                }
            } else {
                exchange.sendResponseHeaders(201, -1); // no body
                exchange.close();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void sendsEachRequestOnceAndKeepsTheStatusesInOrder() throws IOException {
        InetSocketAddress to = server.getAddress();
        List<LoadGen.Request> requests = new ArrayList<>();
        int[] expected = new int[25];
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < expected.length; i++) {
            String body = (i % 7 == 3 ? "bad-" : "page-") + i;
            requests.add(LoadGen.Request.of("POST", to, "/provider/x/" + i, "application/json", body.getBytes(StandardCharsets.UTF_8),
                    "Authorization: Bearer t"));
            expected[i] = i % 7 == 3 ? 400 : 201;
            sent.add("POST /provider/x/" + i + " Bearer t " + body);
        }
        Histogram latency = new Histogram(60_000_000L, 3);

        int[] statuses = LoadGen.sendEach(to, requests, 3, latency, Duration.ofSeconds(30));

        assertArrayEquals(expected, statuses);
        assertEquals(expected.length, latency.getTotalCount());
        assertEquals(sent.stream().sorted().toList(), received.stream().sorted().toList());
    }

    @Test
    void failsWhenTheAnswersDoNotComeInTime() throws IOException {
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        InetSocketAddress to = server.getAddress();
        List<LoadGen.Request> requests = List.of(LoadGen.Request.of("POST", to, "/slow", "application/json", new byte[]{'1'}));
        assertThrows(IOException.class, () -> LoadGen.sendEach(to, requests, 1, new Histogram(60_000_000L, 3), Duration.ofMillis(300)));
    }
}
