package no.fint.platform.relations.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.fint.platform.service.RecordSubscriber;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.reactivestreams.Subscriber;


/**
 * Follows the entity topics of every organisation ("sink" out of Kafka) through MicroProfile Reactive
 * Messaging: Helidon's Kafka connector subscribes to the topic pattern (channel {@code entities} in
 * microprofile-config.properties) and finds new organisations and components as their topics appear.
 *
 * <p>The channel is consumed by a subscriber of our own that asks for unbounded demand: the connector
 * emits at most the outstanding demand per scheduling period, and a method signature that acknowledges
 * message by message gets one message per period (200 a second), far too slow. Back-pressure comes from
 * the engine's bounded queue instead. Records are handed over as they are ({@link RecordSubscriber}: nothing
 * thrown out of it, because an exception would cancel the channel for every organisation).
 */
@ApplicationScoped
public class EntityChannel {

    private RelationsEngine engine;
    private final RecordSubscriber subscriber = new RecordSubscriber("entities", r -> engine.offer(r));

    /** For CDI. */
    protected EntityChannel() {
    }

    @Inject
    public EntityChannel(RelationsEngine engine) {
        this.engine = engine;
    }

    @Incoming("entities")
    public Subscriber<Message<byte[]>> entities() {
        // Offsets are not what makes the service correct (the start-up rebuild is): a record the
        // engine cannot take is logged and skipped.
        return subscriber;
    }

    /** False once the channel has failed (liveness reports it). */
    public boolean alive() {
        return subscriber.failure() == null;
    }

    /** True once the connector has subscribed. */
    public boolean subscribed() {
        return subscriber.subscribed();
    }
}
