package no.fint.platform.demo.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.contract.ServiceProcess;
import no.fint.platform.demo.DataSet;
import no.fint.platform.tokens.EphemeralIdp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo adapter answering client writes through the packaged provider and consumer (their own
 * processes) and a real broker, as under {@code ./fint up}: a client's create comes back 303 with the
 * systemId the source system gave it and is readable at once, the conflict marker gives 409 with the
 * version the source system holds, and a breach of the source system's rules 400 with its problems.
 */
@ExtendWith(KafkaBrokerExtension.class)
class DemoAdapterWritesIT {

    private static final String ORG = "demo-writes.no";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theDemoAdapterAnswersClientWritesThroughTheWholeChain() throws Exception {
        String bootstrap = KafkaBrokerExtension.bootstrapServers();
        try (ServiceProcess provider = ServiceProcess.start("provider-demo-writes", "provider", Map.of("fint.kafka.bootstrap-servers", bootstrap));
             ServiceProcess consumer = ServiceProcess.start("consumer-demo-writes", "consumer", Map.of("fint.kafka.bootstrap-servers", bootstrap,
                     "fint.consumer.org-id", ORG, "fint.consumer.components", "utdanning/elev"))) {
            AdapterSettings settings = AdapterSettings.defaults(ORG).withProvider(provider.url()).withPageSize(500)
                    .withRounds(0, Duration.ofMinutes(10)).withStatusWait(Duration.ofSeconds(20));
            TokenSource tokens = TokenSource.minted(EphemeralIdp.shared().key(), EphemeralIdp.ISSUER, EphemeralIdp.AUDIENCE, settings,
                    DataSet.of(settings.size(), settings.seed()));
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            DemoAdapter adapter = new DemoAdapter(settings, WriteSettings.defaults(), new PrintStream(log, true, StandardCharsets.UTF_8), tokens);
            StopSignal stop = new StopSignal();
            Thread running = Thread.ofPlatform().name("demo-adapter").start(() -> adapter.run(stop));
            String client = EphemeralIdp.shared().client(ORG, "utdanning-elev");
            try {
                HttpResponse<String> created = await(consumer, client, write(consumer, client, "{\"elevnummer\":{\"identifikatorverdi\":\"880001\"}}"));
                assertEquals(303, created.statusCode(), created.body() + "\n" + log);
                JsonNode stored = JSON.readTree(created.body());
                String systemId = stored.path("systemId").path("identifikatorverdi").asText();
                assertTrue(systemId.startsWith("demo-"), "the source system assigned a systemId: " + created.body());
                HttpResponse<String> read = get(consumer, client, URI.create(created.headers().firstValue("Location").orElseThrow()).getRawPath());
                assertEquals(200, read.statusCode(), "read your own write");
                assertEquals(created.body(), read.body());

                HttpResponse<String> conflict = await(consumer, client, write(consumer, client,
                        "{\"elevnummer\":{\"identifikatorverdi\":\"880002\"},\"feidenavn\":{\"identifikatorverdi\":\"KONFLIKT\"}}"));
                assertEquals(409, conflict.statusCode(), conflict.body());
                assertTrue(JSON.readTree(conflict.body()).path("systemId").path("identifikatorverdi").asText().startsWith("demo-"), conflict.body());

                HttpResponse<String> rejected = await(consumer, client, write(consumer, client, "{\"elevnummer\":{\"identifikatorverdi\":\"12a\"}}"));
                assertEquals(400, rejected.statusCode(), rejected.body());
                assertEquals("DEMO-ELEVNUMMER", JSON.readTree(rejected.body()).path("problems").path(0).path("code").asText(), rejected.body());

                assertEquals(Map.of("accepted", 1L, "conflict", 1L, "rejected (1 problems)", 1L), adapter.writeOutcomes(), log.toString());
            } finally {
                stop.stop();
                running.join(30_000);
            }
        }
    }

    /** POSTs a new elev; returns the status path of the 202's Location. */
    private static String write(ServiceProcess consumer, String token, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(consumer.url() + "/utdanning/elev/elev")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, r.statusCode(), r.body());
        return URI.create(r.headers().firstValue("Location").orElseThrow()).getRawPath();
    }

    /** Polls a status until it is no longer 202 (pending), for at most a minute. */
    private static HttpResponse<String> await(ServiceProcess consumer, String token, String status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        HttpResponse<String> r = get(consumer, token, status);
        while (r.statusCode() == 202 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            r = get(consumer, token, status);
        }
        return r;
    }

    private static HttpResponse<String> get(ServiceProcess consumer, String token, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(consumer.url() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
