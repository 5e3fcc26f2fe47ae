package no.fint.platform.relations.service;

import io.helidon.messaging.connectors.kafka.KafkaMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Follows the entity topics of every organisation ("sink" out of Kafka) through MicroProfile Reactive
 * Messaging: Helidon's Kafka connector subscribes to the topic pattern (channel {@code entities} in
 * microprofile-config.properties) and finds new organisations and components as their topics appear.
 * Hands each record to the engine; never throws, because an exception would cancel the channel.
 */
@ApplicationScoped
public class EntityChannel {

    private RelationsEngine engine;

    /** For CDI. */
    protected EntityChannel() {
    }

    @Inject
    public EntityChannel(RelationsEngine engine) {
        this.engine = engine;
    }

    @Incoming("entities")
    public CompletionStage<Void> receive(KafkaMessage<String, byte[]> message) {
        try {
            message.getConsumerRecord().ifPresent(r -> {
                try {
                    engine.offer(r);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            return message.ack();
        } catch (RuntimeException e) {
            // Offsets are not what makes the service correct (the start-up rebuild is), so a message that
            // cannot be handed over is dropped here rather than stopping the channel for everyone.
            return CompletableFuture.completedFuture(null);
        }
    }
}
