package no.fint.platform.service;

import org.apache.kafka.clients.producer.KafkaProducer;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A plain Kafka producer made on first use, so a service that never writes on this path opens no
 * connection for it, and closed with its owner. Thread-safe.
 */
public final class LazyProducer implements AutoCloseable {

    private final Supplier<Map<String, Object>> config;
    private volatile KafkaProducer<String, byte[]> producer;

    /** @param config the producer's configuration (from {@link KafkaSettings#producer}), asked for once, on first use */
    public LazyProducer(Supplier<Map<String, Object>> config) {
        this.config = config;
    }

    public KafkaProducer<String, byte[]> get() {
        KafkaProducer<String, byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(config.get());
                }
                p = producer;
            }
        }
        return p;
    }

    /** Closes the producer if it was made (in-flight sends end first, at most 5 s). */
    @Override
    public void close() {
        KafkaProducer<String, byte[]> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }
}
