package no.fint.platform.provider;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.fint.platform.service.KafkaSettings;
import no.fint.platform.service.LazyProducer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The provider's one Kafka producer (idempotent, acks=all, from {@link KafkaSettings}), shared by
 * every source. {@link #sendAll} returns only when Kafka acknowledged every record, so a 2xx is
 * never given for data that is not durable.
 */
@ApplicationScoped
public class RecordProducer {

    private ProviderSettings provider;
    private LazyProducer producer;

    /** For CDI. */
    protected RecordProducer() {
    }

    @Inject
    public RecordProducer(KafkaSettings settings, ProviderSettings provider) {
        this.provider = provider;
        this.producer = new LazyProducer(() -> settings.producer("fint-provider"));
    }


    /** What is told of each record Kafka acknowledged (on the producer's thread: quick, never throws). */
    @FunctionalInterface
    public interface Acknowledged {
        void record(int index, RecordMetadata metadata);
    }

    /** Sends the records and waits for every acknowledgement; throws when any is missing or failed. */
    public void sendAll(List<ProducerRecord<String, byte[]>> records) throws Unavailable {
        sendAll(records, null);
    }

    /** As {@link #sendAll(List)}, telling {@code acknowledged} (when not null) of each record before the wait ends. */
    public void sendAll(List<ProducerRecord<String, byte[]>> records, Acknowledged acknowledged) throws Unavailable {
        if (records.isEmpty()) {
            return;
        }
        CountDownLatch acks = new CountDownLatch(records.size());
        AtomicReference<Exception> failure = new AtomicReference<>();
        try {
            KafkaProducer<String, byte[]> p = producer.get();
            for (int i = 0; i < records.size(); i++) {
                int index = i;
                p.send(records.get(i), (metadata, e) -> {
                    try {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        } else if (acknowledged != null) {
                            acknowledged.record(index, metadata);
                        }
                    } finally {
                        acks.countDown(); // whatever the listener did: the page's answer must not wait for a timeout
                    }
                });
            }
            Duration timeout = provider.ackTimeout();
            if (!acks.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Unavailable("Kafka did not acknowledge " + acks.getCount() + " of " + records.size()
                        + " records within " + timeout, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("Interrupted while waiting for Kafka", e);
        } catch (RuntimeException e) {
            throw new Unavailable("Kafka refused the records: " + e.getMessage(), e);
        }
        Exception e = failure.get();
        if (e != null) {
            throw new Unavailable("Kafka did not acknowledge the records: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
