package no.fint.platform.provider;

import io.helidon.messaging.connectors.kafka.KafkaMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads every organisation's write log ({@code *.fint-core.write-event}: the consumers' write
 * requests, and the leases, answers and expiries of every provider instance) through MicroProfile
 * Reactive Messaging (Helidon's Kafka connector, channel {@code write-events}, a topic pattern so new
 * organisations are found, a consumer group of its own per provider start, from the earliest record
 * kept) into the {@link WriteLedgerStore}. Unbounded demand: the connector hands out at most the
 * outstanding demand per poll period (see the relations service's EntityChannel).
 */
@ApplicationScoped
public class WriteLogSink {

    private static final Logger LOG = Logger.getLogger(WriteLogSink.class.getName());

    private WriteLedgerStore store;
    private volatile Throwable failure;

    /** For CDI. */
    protected WriteLogSink() {
    }

    @Inject
    public WriteLogSink(WriteLedgerStore store) {
        this.store = store;
    }

    @Incoming("write-events")
    public Subscriber<Message<byte[]>> writeEvents() {
        return new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Message<byte[]> message) {
                try {
                    if (message instanceof KafkaMessage<?, ?> km && km.getConsumerRecord().isPresent()) {
                        ConsumerRecord<?, ?> r = km.getConsumerRecord().get();
                        store.accept(r.topic(), r.partition(), r.offset(), (byte[]) r.value());
                    }
                    message.ack();
                } catch (RuntimeException e) {
                    // An exception would cancel the channel for every organisation.
                    LOG.log(Level.WARNING, "Could not apply a write-log record", e);
                }
            }

            @Override
            public void onError(Throwable t) {
                failure = t;
                LOG.log(Level.SEVERE, "The write-events channel failed", t);
            }

            @Override
            public void onComplete() {
                LOG.info("The write-events channel completed");
            }
        };
    }

    /** Null while the channel works. */
    public Throwable failure() {
        return failure;
    }
}
