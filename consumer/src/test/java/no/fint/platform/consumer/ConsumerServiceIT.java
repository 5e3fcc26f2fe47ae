package no.fint.platform.consumer;

import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.model.Component;
import no.fint.platform.records.EntityRecord;
import no.fint.platform.records.Topics;
import no.fint.platform.service.EntityRecordCodec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(KafkaBrokerExtension.class)
@HelidonTest
@AddConfig(key = "fint.consumer.org-id", value = "fint.no")
class ConsumerServiceIT {

    private static final Component ELEV = Component.parse("utdanning/elev");

    @Inject
    WebTarget target;

    @Test
    void healthMetricsAndContractAreServed() {
        assertEquals(200, target.path("/health/live").request().get().getStatus());
        assertEquals(200, target.path("/health/ready").request().get().getStatus());
        assertTrue(target.path("/openapi").request("application/yaml").get(String.class).contains("FINT consumer API"));
        assertTrue(target.path("/metrics").request("text/plain").get(String.class).contains("# TYPE"));
    }

    @Test
    void followsTheEntityTopicAndServesByAnyIdentifier() throws Exception {
        String topic = Topics.entity("fint.no", ELEV);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KafkaBrokerExtension.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(Map.of("bootstrap.servers", KafkaBrokerExtension.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            byte[] elev = "{\"elevnummer\":{\"identifikatorverdi\":\"500001\"},\"systemId\":{\"identifikatorverdi\":\"a1\"}}"
                    .getBytes(StandardCharsets.UTF_8);
            p.send(EntityRecordCodec.toKafka(new EntityRecord("fint.no", ELEV, "elev", "a1", elev, 1000, "FULL", "c"))).get();
        }
        Response r = poll("/utdanning/elev/elev/elevnummer/500001");
        assertEquals(200, r.getStatus());
        assertEquals("application/hal+json;charset=UTF-8", r.getHeaderString("Content-Type"));
        assertTrue(r.readEntity(String.class).contains("\"a1\""));
        assertEquals(404, target.path("/utdanning/elev/elev/systemid/nope").request().get().getStatus());
    }

    private Response poll(String path) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        Response r = target.path(path).request().get();
        while (r.getStatus() != 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            r = target.path(path).request().get();
        }
        return r;
    }
}
