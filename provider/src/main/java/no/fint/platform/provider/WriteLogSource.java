package no.fint.platform.provider;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.fint.platform.model.ResourceType;
import no.fint.platform.records.RecordHeaders;
import no.fint.platform.records.RecordKeys;
import no.fint.platform.records.Topics;
import no.fint.platform.service.KafkaSettings;
import no.fint.platform.service.LazyProducer;
import no.fint.platform.service.TopicAdmin;
import no.fint.platform.write.WriteEvent;
import no.fint.platform.write.WriteEvents;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes the provider's decisions about write requests (leases, answers, expiries) to the
 * organisation's write log, and an accepted answer's resource to the entity topic, and returns only
 * when Kafka acknowledged them. A plain producer, not the reactive messaging connector: the write log
 * is one topic per organisation (the connector writes to fixed topics), and an answer needs the
 * partition and offset Kafka gave its entity record (the consumer's read-your-write rule). Tuned for
 * latency (no linger): a client is waiting for each of these.
 */
@ApplicationScoped
public class WriteLogSource {

    private KafkaSettings settings;
    private TopicAdmin topics;
    private ProviderSettings provider;
    private LazyProducer producer;

    /** For CDI. */
    protected WriteLogSource() {
    }

    @Inject
    public WriteLogSource(KafkaSettings settings, TopicAdmin topics, ProviderSettings provider) {
        this.settings = settings;
        this.topics = topics;
        this.provider = provider;
        this.producer = new LazyProducer(() -> {
            Map<String, Object> config = settings.producer("fint-provider-events");
            config.put(ProducerConfig.LINGER_MS_CONFIG, 0); // an adapter waits for each of these
            return config;
        });
    }


    /** Creates the organisation's write log if it is missing (a consumer normally did at its start). */
    void ensureLog(String orgId) throws Unavailable {
        try {
            topics.ensureEvents(Topics.writeEvents(orgId), settings.partitions(), WriteEvents.RETENTION.toMillis(), WriteEvents.SEGMENT.toMillis());
        } catch (TopicAdmin.TopicException e) {
            throw new Unavailable(e.getMessage(), e);
        }
    }

    /** Writes events of one organisation's log, in order, and waits for every acknowledgement. */
    public void write(String orgId, List<? extends WriteEvent> events) throws Unavailable {
        if (events.isEmpty()) {
            return;
        }
        ensureLog(orgId);
        String topic = Topics.writeEvents(orgId);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events.size());
        for (WriteEvent e : events) {
            records.add(new ProducerRecord<>(topic, e.corrId(), WriteEvents.write(e)));
        }
        await(send(records));
    }

    /**
     * Writes one entity record (canonical resource, or a tombstone when {@code json} is null) the way
     * the sync path does, with {@code sync-type} EVENT and the request's corrId, and returns where
     * Kafka put it.
     */
    public RecordMetadata entity(String orgId, ResourceType type, String identifier, byte[] json, String corrId, long lastModified)
            throws Unavailable {
        String topic = Topics.entity(orgId, type.component());
        try {
            topics.ensureCompacted(topic);
        } catch (TopicAdmin.TopicException e) {
            throw new Unavailable(e.getMessage(), e);
        }
        List<Header> headers = List.of(
                new RecordHeader(RecordHeaders.RESOURCE_NAME, RecordHeaders.encodeString(type.name())),
                new RecordHeader(RecordHeaders.LAST_MODIFIED, RecordHeaders.encodeLong(lastModified)),
                new RecordHeader(RecordHeaders.SYNC_TYPE, RecordHeaders.encodeString(RecordHeaders.SYNC_TYPE_EVENT)),
                new RecordHeader(RecordHeaders.CORR_ID, RecordHeaders.encodeString(corrId)));
        return await(send(List.of(new ProducerRecord<>(topic, null, RecordKeys.entity(type.name(), identifier), json, headers)))).get(0);
    }

    private List<Future<RecordMetadata>> send(List<ProducerRecord<String, byte[]>> records) throws Unavailable {
        try {
            List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
            KafkaProducer<String, byte[]> p = producer.get();
            for (ProducerRecord<String, byte[]> r : records) {
                acks.add(p.send(r));
            }
            return acks;
        } catch (RuntimeException e) {
            throw new Unavailable("Kafka refused the records: " + e.getMessage(), e);
        }
    }

    private List<RecordMetadata> await(List<Future<RecordMetadata>> acks) throws Unavailable {
        long deadline = System.nanoTime() + provider.ackTimeout().toNanos();
        List<RecordMetadata> out = new ArrayList<>(acks.size());
        try {
            for (Future<RecordMetadata> f : acks) {
                out.add(f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("Interrupted while waiting for Kafka", e);
        } catch (ExecutionException e) {
            throw new Unavailable("Kafka did not acknowledge the records: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new Unavailable("Kafka did not acknowledge the records within " + provider.ackTimeout(), e);
        }
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
