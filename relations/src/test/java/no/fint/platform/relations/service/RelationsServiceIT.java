package no.fint.platform.relations.service;

import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import no.fint.platform.broker.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(KafkaBrokerExtension.class)
@HelidonTest
class RelationsServiceIT {

    @Inject
    WebTarget target;

    @Test
    void bootsWithHealthMetricsContractAndRules() {
        assertEquals(200, target.path("/health/live").request().get().getStatus());
        // Ready once Kafka answers and the start-up rebuild is done.
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (target.path("/health/ready").request().get().getStatus() != 200) {
            assertTrue(System.nanoTime() < deadline, "not ready within 60 s");
            KafkaFixture.sleep(100);
        }
        String ready = target.path("/health/ready").request().get(String.class);
        assertTrue(ready.contains("\"rebuilt\":true") && ready.contains("\"kafka\":true"), ready);
        assertTrue(target.path("/openapi").request("application/yaml").get(String.class).contains("FINT relations service"));
        assertTrue(target.path("/metrics").request("text/plain").get(String.class).contains("# TYPE"));
        String rules = target.path("/relations/rules").request().get(String.class);
        assertTrue(rules.contains("{\"source\":\"utdanning.elev.Elevforhold\",\"relation\":\"elev\",\"target\":\"utdanning.elev.Elev\",\"inverse\":\"elevforhold\",\"basis\":\"isSource\"}"), rules);
    }

    @Test
    void errorsOnItsOwnPathsAreProblems() {
        Response unknown = target.path("/relations/nothing").request().get();
        assertEquals(404, unknown.getStatus());
        assertEquals("application/problem+json", unknown.getMediaType().toString());
        assertTrue(unknown.readEntity(String.class).contains("\"status\":404"));
        Response method = target.path("/relations/rules").request().delete();
        assertEquals(405, method.getStatus());
        assertEquals("application/problem+json", method.getMediaType().toString());
        assertTrue(method.readEntity(String.class).contains("\"status\":405"));
        assertTrue(method.getHeaderString("Allow").contains("GET"), method.getHeaderString("Allow"));
        // Helidon's own endpoints are still reached past the JAX-RS layer.
        assertEquals(200, target.path("/health/live").request().get().getStatus());
    }

    /**
     * What Helidon refuses before routing, a request line over its 4 KiB, a header block over its 16 KiB
     * or a declared length over {@code server.max-payload-size} (1 MiB here), is problem+json like the
     * service's own errors, not Helidon's text/plain or empty 413 ({@code platform} {@code TransportProblems}).
     */
    @Test
    void refusedBeforeRoutingIsAProblemToo() throws Exception {
        assertProblem(raw("GET /relations/rules?x=" + "x".repeat(5000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n"),
                "HTTP/1.1 414 ", "\"title\":\"Request-URI Too Long\",\"status\":414,\"detail\":\"Request URI too long.\"");
        assertProblem(raw("GET /relations/rules HTTP/1.1\r\nHost: localhost\r\nX-Filler: " + "x".repeat(20_000) + "\r\n\r\n"),
                "HTTP/1.1 400 ", "\"title\":\"Bad Request\",\"status\":400,\"detail\":\"Header size exceeded\"");
        assertProblem(raw("POST /relations/rules HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + (1024 * 1024 + 1) + "\r\n\r\n"),
                "HTTP/1.1 413 ", "\"title\":\"Payload Too Large\",\"status\":413,\"detail\":\"The declared body is longer than this server "
                        + "reads at all (1048576 bytes, server.max-payload-size)\"");
    }

    private static void assertProblem(String answer, String statusLine, String problem) {
        assertTrue(answer.startsWith(statusLine), answer);
        assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("\r\ncontent-type: application/problem+json\r\n"), answer);
        assertTrue(answer.endsWith("\r\n\r\n{\"type\":\"about:blank\"," + problem + "}"), answer);
    }

    /**
     * A request written as it is (what no HTTP client sends), the whole answer read: Helidon closes the
     * connection after such an answer.
     */
    private String raw(String head) throws Exception {
        try (java.net.Socket s = new java.net.Socket(target.getUri().getHost(), target.getUri().getPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    @SuppressWarnings("deprecation")
    void malformedEscapeInTheQueryIs400WithoutTheInternalUrl() throws Exception {
        for (String path : List.of("relations/rules?x=%zz", "relations/rules?x={y}", "health/ready?x=%zz", "openapi?x=%4")) {
            // java.net.URI (and so the JDK's HTTP client) refuses such a URI; the lenient URL class sends it.
            HttpURLConnection c = (HttpURLConnection) new URL(target.getUri().resolve("/") + path).openConnection();
            assertEquals(400, c.getResponseCode(), path);
            assertEquals("application/problem+json", c.getContentType(), path);
            String body = new String(c.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(body.contains("\"status\":400") && body.contains("query string") && !body.contains("http:"), path + ": " + body);
        }
    }
}
