package no.fint.platform.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.messaging.connectors.kafka.KafkaMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.fint.platform.service.Json;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the heartbeat topic over MicroProfile Reactive Messaging (Helidon's Kafka connector, a
 * consumer group of its own per provider instance, from the earliest record kept) into the
 * {@link HeartbeatRegistry}. The record's timestamp (set when the provider accepted the heartbeat)
 * is the heartbeat's time.
 */
@ApplicationScoped
public class HeartbeatSink {

    private static final Logger LOG = Logger.getLogger(HeartbeatSink.class.getName());

    @Inject
    HeartbeatRegistry registry;

    @Incoming("heartbeats-in")
    public CompletionStage<Void> receive(KafkaMessage<String, String> message) {
        try {
            JsonNode n = Json.mapper().readTree(message.getPayload());
            String adapterId = n.path("adapterId").asText(null);
            long at = message.getConsumerRecord().map(ConsumerRecord::timestamp).orElse(System.currentTimeMillis());
            if (adapterId != null) {
                registry.beat(adapterId, at);
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Skipping an unreadable heartbeat record: " + e.getMessage());
        }
        return message.ack();
    }
}
