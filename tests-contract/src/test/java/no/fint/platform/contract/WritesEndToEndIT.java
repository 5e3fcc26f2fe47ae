package no.fint.platform.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.tokens.EphemeralIdp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Client writes through the real chain, each service its own process and a real broker: a client's
 * POST to the consumer reaches the write log, two adapter instances poll the provider at once and
 * exactly one gets it (the lease), its answer lands on the entity topic and the write log, and the
 * client's status turns 303 only when the consumer's cache holds the adapter's version, so following
 * {@code Location} reads it at once (read your own write). A write nobody answers expires: 500
 * "Event expired" from the provider's sweeper.
 */
@ExtendWith(KafkaBrokerExtension.class)
class WritesEndToEndIT {

    static final String ORG = "writes-e2e.no";
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCreateGoesToOneAdapterAndComesBackReadable() throws Exception {
        String bootstrap = KafkaBrokerExtension.bootstrapServers();
        try (ServiceProcess provider = ServiceProcess.start("provider-writes-e2e", "provider",
                Map.of("fint.kafka.bootstrap-servers", bootstrap));
             ServiceProcess consumer = ServiceProcess.start("consumer-writes-e2e", "consumer",
                     Map.of("fint.kafka.bootstrap-servers", bootstrap, "fint.consumer.org-id", ORG,
                             "fint.consumer.components", "utdanning/elev",
                             "fint.consumer.write.ttl.utdanning.elev.skoleressurs", "PT3S"))) {
            String adapter = EphemeralIdp.shared().adapter(ORG, "utdanning-elev");
            String client = EphemeralIdp.shared().client(ORG, "utdanning-elev");
            HttpResponse<String> registered = Http.send("POST", provider.url() + "/provider/register", """
                    {"adapterId":"e2e-writer","orgId":"writes-e2e.no","heartbeatIntervalInMinutes":1,"capabilities":[
                      {"domainName":"utdanning","packageName":"elev","resourceName":"elev","fullSyncIntervalInDays":1},
                      {"domainName":"utdanning","packageName":"elev","resourceName":"skoleressurs","fullSyncIntervalInDays":1}]}""", adapter);
            assertEquals(200, registered.statusCode(), registered.body());

            HttpResponse<String> posted = Http.send("POST", consumer.url() + "/utdanning/elev/elev",
                    "{\"elevnummer\":{\"identifikatorverdi\":\"900001\"}}", client);
            assertEquals(202, posted.statusCode(), posted.body());
            assertEquals("", posted.body());
            String location = posted.headers().firstValue("Location").orElseThrow();
            assertTrue(location.startsWith("https://api.felleskomponent.no/utdanning/elev/elev/status/"), location);
            String status = consumer.url() + URI.create(location).getRawPath();
            assertEquals(202, Http.get(status, client).statusCode(), "pending");

            // Two adapter instances poll at once until one gets the request; the other never does.
            ConcurrentLinkedQueue<String> got = new ConcurrentLinkedQueue<>();
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> pollers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String instance = "instance-" + i;
                pollers.add(Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                        long deadline = System.currentTimeMillis() + 30_000;
                        while (got.isEmpty() && System.currentTimeMillis() < deadline) {
                            HttpResponse<String> r = Http.send(HttpRequest.newBuilder(URI.create(provider.url() + "/provider/event/utdanning/elev"))
                                    .header("Authorization", "Bearer " + adapter).header("x-adapter-id", "e2e-writer").GET().build());
                            for (JsonNode n : JSON.readTree(r.body())) {
                                got.add(instance + " " + n.toString());
                            }
                            Thread.sleep(20);
                        }
                    } catch (Exception e) {
                        got.add("failed " + e);
                    }
                }));
            }
            start.countDown();
            for (Thread t : pollers) {
                t.join();
            }
            assertEquals(1, got.size(), got.toString());
            JsonNode request = JSON.readTree(got.peek().substring(got.peek().indexOf(' ') + 1));
            assertEquals("CREATE", request.get("operationType").asText());
            assertEquals("{\"elevnummer\":{\"identifikatorverdi\":\"900001\"}}", request.get("value").asText(), "canonical, as a JSON string (FINT v2)");
            String corrId = request.get("corrId").asText();
            assertTrue(location.endsWith("/" + corrId), location);

            HttpResponse<String> answered = Http.send("POST", provider.url() + "/provider/event", "{\"corrId\":\"" + corrId
                    + "\",\"orgId\":\"" + ORG + "\",\"adapterId\":\"e2e-writer\",\"operationType\":\"CREATE\",\"handledAt\":1760000000000,"
                    + "\"failed\":false,\"rejected\":false,\"conflicted\":false,\"value\":{\"identifier\":\"s900001\",\"resource\":"
                    + "{\"elevnummer\":{\"identifikatorverdi\":\"900001\"},\"systemId\":{\"identifikatorverdi\":\"s900001\"}}}}", adapter);
            assertEquals(200, answered.statusCode(), answered.body());

            HttpResponse<String> done = Http.poll(status, client, r -> r.statusCode() != 202, Duration.ofSeconds(20));
            assertEquals(303, done.statusCode(), done.body());
            String self = "https://api.felleskomponent.no/utdanning/elev/elev/elevnummer/900001";
            assertEquals(self, done.headers().firstValue("Location").orElseThrow());
            String expected = "{\"elevnummer\":{\"identifikatorverdi\":\"900001\"},\"systemId\":{\"identifikatorverdi\":\"s900001\"},"
                    + "\"_links\":{\"self\":[{\"href\":\"" + self + "\"},{\"href\":\"https://api.felleskomponent.no/utdanning/elev/elev/systemid/s900001\"}]}}";
            assertEquals(expected, done.body());
            // Read your own write: following Location gives the same at once, no waiting.
            HttpResponse<String> read = Http.get(consumer.url() + "/utdanning/elev/elev/elevnummer/900001", client);
            assertEquals(200, read.statusCode(), read.body());
            assertEquals(expected, read.body());

            // Nobody answers this one (its time to live is 3 s): the provider expires it.
            HttpResponse<String> unanswered = Http.send("PUT", consumer.url() + "/utdanning/elev/skoleressurs/systemid/r1",
                    "{\"systemId\":{\"identifikatorverdi\":\"r1\"}}", client);
            assertEquals(202, unanswered.statusCode(), unanswered.body());
            String expiring = consumer.url() + URI.create(unanswered.headers().firstValue("Location").orElseThrow()).getRawPath();
            HttpResponse<String> expired = Http.poll(expiring, client, r -> r.statusCode() != 202, Duration.ofSeconds(30));
            assertEquals(500, expired.statusCode(), expired.body());
            assertEquals("{\"message\":\"Event expired\",\"statusCode\":\"EXPIRED\",\"responseStatus\":\"ERROR\"}", expired.body());
        }
    }
}
