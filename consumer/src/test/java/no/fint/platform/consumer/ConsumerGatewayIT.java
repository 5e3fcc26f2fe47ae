package no.fint.platform.consumer;

import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.model.Component;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

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
    static final HttpClient HTTP = HttpClient.newHttpClient();
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

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target.getUri().toString().replaceAll("/$", "") + path)).timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theGatewaysHeadersAreTrustedAsV1DidAndNoTokenIsChecked() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (get("/utdanning/elev/elev/systemid/g1").statusCode() != 200) {
            assertTrue(System.nanoTime() < deadline, "data never arrived");
            Thread.sleep(50);
        }
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
}
