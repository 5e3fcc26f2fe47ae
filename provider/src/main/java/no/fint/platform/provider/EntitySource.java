package no.fint.platform.provider;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.fint.platform.records.EntityRecord;
import no.fint.platform.records.Topics;
import no.fint.platform.service.EntityRecordCodec;
import no.fint.platform.service.KafkaSettings;
import no.fint.platform.service.TopicAdmin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes entity records into Kafka ("source" into Kafka) and returns only when Kafka has
 * acknowledged every one of them, so a 2xx to the adapter means the data is durable.
 */
@ApplicationScoped
public class EntitySource {

    private KafkaSettings settings;
    private TopicAdmin topics;
    private volatile KafkaProducer<String, byte[]> producer;

    /** For CDI. */
    protected EntitySource() {
    }

    @Inject
    public EntitySource(KafkaSettings settings, TopicAdmin topics) {
        this.settings = settings;
        this.topics = topics;
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(settings.producer("fint-provider-entities"));
                }
                p = producer;
            }
        }
        return p;
    }

    /** Sends every record and waits for all acknowledgements. */
    public void publish(List<EntityRecord> records) throws UnavailableException {
        try {
            for (EntityRecord r : records) {
                topics.ensureCompacted(Topics.entity(r.orgId(), r.component()));
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
            for (EntityRecord r : records) {
                acks.add(producer().send(EntityRecordCodec.toKafka(r)));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (TopicAdmin.TopicException | ExecutionException | TimeoutException | RuntimeException e) {
            throw new UnavailableException("Kafka did not acknowledge the records", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("Interrupted while waiting for Kafka", e);
        }
    }

    @PreDestroy
    void close() {
        KafkaProducer<String, byte[]> p = producer;
        if (p != null) {
            p.close(java.time.Duration.ofSeconds(5));
        }
    }

    /** Kafka could not take the write; nothing may be promised to the caller. */
    public static final class UnavailableException extends Exception {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
