package no.fint.platform.service;

import io.helidon.messaging.connectors.kafka.KafkaMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The subscriber an {@code @Incoming} method returns for a channel of Kafka records read through
 * Helidon's Kafka connector: unbounded demand, each record handed to a handler, and a handler's
 * exception logged and skipped, because an exception thrown out of {@code onNext} would cancel the
 * channel for good. A failed channel is remembered for liveness.
 */
public final class RecordSubscriber implements Subscriber<Message<byte[]>> {

    private static final Logger LOG = Logger.getLogger(RecordSubscriber.class.getName());

    /** What to do with one record. */
    @FunctionalInterface
    public interface Handler {
        void accept(ConsumerRecord<String, byte[]> record) throws InterruptedException;
    }

    private final String channel;
    private final Handler handler;
    private volatile boolean subscribed;
    private volatile Throwable failure;

    public RecordSubscriber(String channel, Handler handler) {
        this.channel = channel;
        this.handler = handler;
    }

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
                ConsumerRecord<String, byte[]> record = (ConsumerRecord<String, byte[]>) km.getConsumerRecord().get();
                handler.accept(record);
            }
            message.ack();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not handle a record of the " + channel + " channel", e);
        }
    }

    @Override
    public void onError(Throwable t) {
        failure = t;
        LOG.log(Level.SEVERE, "The " + channel + " channel failed", t);
    }

    @Override
    public void onComplete() {
        LOG.info("The " + channel + " channel completed");
    }

    /** True once the connector has subscribed. */
    public boolean subscribed() {
        return subscribed;
    }

    /** Null while the channel works. */
    public Throwable failure() {
        return failure;
    }
}
