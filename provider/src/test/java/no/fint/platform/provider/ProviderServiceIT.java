package no.fint.platform.provider;

import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import no.fint.platform.broker.KafkaBrokerExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(KafkaBrokerExtension.class)
@HelidonTest
class ProviderServiceIT {

    @Inject
    WebTarget target;

    @Test
    void healthMetricsAndContractAreServed() {
        assertEquals(200, target.path("/health/live").request().get().getStatus());
        Response ready = target.path("/health/ready").request().get();
        assertEquals(200, ready.getStatus(), ready.readEntity(String.class));
        assertEquals(200, target.path("/health/started").request().get().getStatus());
        String openapi = target.path("/openapi").request("application/yaml").get(String.class);
        assertTrue(openapi.contains("title: FINT provider API"), openapi);
        String metrics = target.path("/metrics").request("text/plain").get(String.class);
        assertTrue(metrics.contains("# TYPE"), metrics);
    }

    @Test
    void aFullSyncPageLandsInTheEntityTopic() {
        String page = """
                {"metadata":{"corrId":"c-1","orgId":"fint.no","adapterId":"a","totalSize":1,"page":1,"pageSize":1,"totalPages":1},
                 "resources":[{"identifier":"e1","resource":{"systemId":{"identifikatorverdi":"e1"}}}]}""";
        Response r = target.path("/provider/utdanning/elev/elev").request().post(Entity.json(page));
        assertEquals(201, r.getStatus(), r.readEntity(String.class));

        Map<String, String> seen = read("fint-no.fint-core.entity.utdanning-elev", 1);
        assertEquals("{\"systemId\":{\"identifikatorverdi\":\"e1\"}}", seen.get("elev\u001Fe1"));
    }

    @Test
    void unknownResourceIsAProblem() {
        String page = """
                {"metadata":{"corrId":"c-2","orgId":"fint.no"},"resources":[]}""";
        Response r = target.path("/provider/utdanning/elev/nope").request().post(Entity.json(page));
        assertEquals(404, r.getStatus());
        assertEquals("application/problem+json", r.getMediaType().toString());
    }

    @Test
    void malformedJsonIsAProblemNotA500() {
        Response r = target.path("/provider/utdanning/elev/elev").request().post(Entity.json("{\"metadata\":"));
        assertEquals(400, r.getStatus());
        assertEquals("application/problem+json", r.getMediaType().toString());
        assertTrue(r.readEntity(String.class).contains("Malformed JSON"));
    }

    @Test
    void heartbeatsTravelOverReactiveMessaging() {
        Response r = target.path("/provider/heartbeat").request()
                .post(Entity.json("{\"adapterId\":\"a\",\"orgId\":\"fint.no\",\"time\":1}"));
        assertEquals(200, r.getStatus(), r.readEntity(String.class));
        Map<String, String> seen = read("fint-core.adapter-heartbeat", 1);
        assertTrue(seen.values().stream().anyMatch(v -> v.contains("\"adapterId\":\"a\"")), seen.toString());
    }

    private static Map<String, String> read(String topic, int atLeast) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", KafkaBrokerExtension.bootstrapServers());
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<String, String> seen = new HashMap<>();
            long deadline = System.currentTimeMillis() + 20_000;
            while (seen.size() < atLeast && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> rec : c.poll(Duration.ofMillis(200))) {
                    seen.put(String.valueOf(rec.key()), rec.value());
                }
            }
            return seen;
        }
    }
}
