package no.fint.platform.relations.service;

import io.helidon.messaging.connectors.kafka.KafkaMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows the entity topics of every organisation ("sink" out of Kafka) through MicroProfile Reactive
 * Messaging: Helidon's Kafka connector subscribes to the topic pattern (channel {@code entities} in
 * microprofile-config.properties) and finds new organisations and components as their topics appear.
 *
 * <p>The channel is consumed by a subscriber of our own that asks for unbounded demand: the connector
 * emits at most the outstanding demand per scheduling period, and a method signature that acknowledges
 * message by message gets one message per period (200 a second), far too slow. Back-pressure comes from
 * the engine's bounded queue instead. Records are handed over as they are; nothing here throws, because
 * an exception would cancel the channel for every organisation.
 */
@ApplicationScoped
public class EntityChannel {

    private static final Logger LOG = Logger.getLogger(EntityChannel.class.getName());

    private RelationsEngine engine;
    private volatile Throwable failure;
    private volatile boolean subscribed;

    /** For CDI. */
    protected EntityChannel() {
    }

    @Inject
    public EntityChannel(RelationsEngine engine) {
        this.engine = engine;
    }

    @Incoming("entities")
    public Subscriber<Message<byte[]>> entities() {
        return new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription s) {
                subscribed = true;
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Message<byte[]> message) {
                try {
                    if (message instanceof KafkaMessage<?, ?> km && km.getConsumerRecord().isPresent()) {
                        @SuppressWarnings("unchecked")
                        KafkaMessage<String, byte[]> typed = (KafkaMessage<String, byte[]>) km;
                        engine.offer(typed.getConsumerRecord().get());
                    }
                    message.ack();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    // Offsets are not what makes the service correct (the start-up rebuild is).
                    LOG.log(Level.WARNING, "Could not hand an entity record to the engine", e);
                }
            }

            @Override
            public void onError(Throwable t) {
                failure = t;
                LOG.log(Level.SEVERE, "The entities channel failed", t);
            }

            @Override
            public void onComplete() {
                LOG.info("The entities channel completed");
            }
        };
    }

    /** False once the channel has failed (liveness reports it). */
    public boolean alive() {
        return failure == null;
    }

    /** True once the connector has subscribed. */
    public boolean subscribed() {
        return subscribed;
    }
}
