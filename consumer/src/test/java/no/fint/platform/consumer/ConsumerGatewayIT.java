package no.fint.platform.consumer;

import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.model.Component;
import no.fint.platform.write.WriteEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FINT v1 compatibility setting {@code fint.consumer.trust-gateway-headers=true}: behind a gateway
 * that authenticates clients, the consumer takes {@code x-org-id}/{@code x-client} as sent (v1's 503 for
 * another organisation, 504 from admin/health, 400 without the headers) and checks no token.
 */
@ExtendWith(KafkaBrokerExtension.class)
@HelidonTest
@AddConfig(key = "fint.consumer.org-id", value = "gateway.no")
@AddConfig(key = "fint.consumer.trust-gateway-headers", value = "true")
class ConsumerGatewayIT {

    static final Component ELEV = Component.parse("utdanning/elev");
    static Feed feed;

    @Inject
    WebTarget target;

    @BeforeAll
    static void data() {
        feed = new Feed("gateway.no").topics(ELEV);
        feed.entity(ELEV, "elev", "g1", "{\"systemId\":{\"identifikatorverdi\":\"g1\"}}", 1);
    }

    @AfterAll
    static void close() {
        feed.close();
    }

    HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    /** No token: behind FINT's gateway, the consumer trusts the gateway's headers. */
    HttpResponse<String> send(String method, String path, String body, String... headers) {
        return new TestHttp(target).json(method, path, body, null, headers);
    }

    @Test
    void theGatewaysHeadersAreTrustedAsV1DidAndNoTokenIsChecked() throws Exception {
        assertEquals(200, TestHttp.poll(() -> get("/utdanning/elev/elev/systemid/g1"), r -> r.statusCode() == 200).statusCode(),
                "data never arrived");
        assertEquals(200, get("/utdanning/elev/elev/systemid/g1", "x-org-id", "gateway.no", "x-client", "c").statusCode());
        assertEquals(200, get("/utdanning/elev/elev/systemid/g1", "Authorization", "Bearer not-checked").statusCode());
        HttpResponse<String> other = get("/utdanning/elev/elev", "x-org-id", "rogfk.no", "x-client", "someone");
        assertEquals(503, other.statusCode());
        assertEquals("{\"message\":\"rogfk.no\",\"exception\":\"class no.fint.cache.exceptions.CacheNotFoundException\"}", other.body());
        assertEquals(503, get("/utdanning/elev/elev/systemid/g1", "x-org-id", "rogfk.no").statusCode());
        assertEquals(503, get("/utdanning/elev/elev/last-updated", "x-org-id", "rogfk.no").statusCode());

        HttpResponse<String> health = get("/utdanning/elev/admin/health", "x-org-id", "gateway.no", "x-client", "me");
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"orgId\":\"gateway.no\",\"source\":\"utdanning-elev\",\"client\":\"me\""), health.body());
        assertEquals(504, get("/utdanning/elev/admin/health", "x-org-id", "rogfk.no", "x-client", "me").statusCode());
        HttpResponse<String> missing = get("/utdanning/elev/admin/health", "x-org-id", "gateway.no");
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("Missing request header 'x-client'"), missing.body());
    }

    /**
     * Writes behind a gateway: v1's rules for the headers. Both are required (400, Spring's error), the
     * client is the gateway's {@code x-client}, and a status asked with another {@code x-org-id} than the
     * write's is 400 {@code {"message":"Invalid OrgId"}}; a write for another organisation is v1's 503.
     */
    @Test
    void writesTakeTheGatewaysHeaders() throws Exception {
        String elev = "{\"elevnummer\":{\"identifikatorverdi\":\"g2\"}}";
        try (WriteLog log = new WriteLog("gateway.no")) {
            HttpResponse<String> noClient = send("POST", "/utdanning/elev/elev", elev, "x-org-id", "gateway.no");
            assertEquals(400, noClient.statusCode());
            assertTrue(noClient.body().contains("Missing request header 'x-client'"), noClient.body());
            HttpResponse<String> otherOrg = send("POST", "/utdanning/elev/elev", elev, "x-org-id", "rogfk.no", "x-client", "c");
            assertEquals(503, otherOrg.statusCode());
            assertEquals("{\"message\":\"rogfk.no\",\"exception\":\"class no.fint.cache.exceptions.CacheNotFoundException\"}", otherOrg.body());
            assertTrue(log.events().isEmpty(), "nothing sent for the refused writes");

            HttpResponse<String> w = send("POST", "/utdanning/elev/elev", elev, "x-org-id", "gateway.no", "x-client", "gateway-client");
            assertEquals(202, w.statusCode(), w.body());
            String status = URI.create(w.headers().firstValue("Location").orElseThrow()).getRawPath();
            assertEquals(202, get(status, "x-org-id", "gateway.no", "x-client", "anyone").statusCode());
            HttpResponse<String> invalid = get(status, "x-org-id", "rogfk.no", "x-client", "gateway-client");
            assertEquals(400, invalid.statusCode());
            assertEquals("{\"message\":\"Invalid OrgId\"}", invalid.body());
            HttpResponse<String> noHeaders = get(status);
            assertEquals(400, noHeaders.statusCode());
            assertTrue(noHeaders.body().contains("Missing request header 'x-org-id'"), noHeaders.body());
            List<WriteEvent> events = log.events();
            assertEquals(1, events.size(), events.toString());
            assertEquals("gateway-client", ((WriteEvent.Requested) events.get(0)).request().client());
        }
    }
}
