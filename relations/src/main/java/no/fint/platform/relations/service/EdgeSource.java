package no.fint.platform.relations.service;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.fint.platform.records.Topics;
import no.fint.platform.relations.Edge;
import no.fint.platform.relations.EdgeDiff;
import no.fint.platform.relations.EdgeValue;
import no.fint.platform.service.KafkaSettings;
import no.fint.platform.service.TopicAdmin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes edge records onto the relation topics ("source" into Kafka): one record per edge, a value
 * for a new or changed edge, a tombstone for a gone one. Sends are asynchronous for throughput; a send
 * Kafka does not acknowledge is remembered in {@link #failure()} and makes the engine rebuild from
 * Kafka, so its state never claims an edge Kafka does not hold.
 */
@ApplicationScoped
public class EdgeSource {

    private static final Logger LOG = Logger.getLogger(EdgeSource.class.getName());

    private KafkaSettings settings;
    private TopicAdmin topics;
    private RelationsMetrics metrics;
    private KafkaProducer<String, byte[]> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final AtomicLong pending = new AtomicLong();
    private final Set<String> warmed = ConcurrentHashMap.newKeySet();

    /** For CDI. */
    protected EdgeSource() {
    }

    @Inject
    public EdgeSource(KafkaSettings settings, TopicAdmin topics, RelationsMetrics metrics) {
        this.settings = settings;
        this.topics = topics;
        this.metrics = metrics;
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Map<String, Object> config = settings.producer("fint-relations-edges");
            // One request in flight: with more, a request that reaches a just-created partition before the
            // broker has it (NOT_LEADER_OR_FOLLOWER) is overtaken by the next one, and its retries then fail
            // with OUT_OF_ORDER_SEQUENCE_NUMBER until the delivery timeout (KAFKA-15591). Measured here:
            // batches of a whole poll keep the throughput (see the relations benchmark).
            config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
            producer = new KafkaProducer<>(config);
            warmed.clear();
        }
        return producer;
    }

    /** Before the first record to a topic: wait until the producer knows a leader for every partition. */
    private void warm(KafkaProducer<String, byte[]> p, String topic) {
        if (warmed.contains(topic)) {
            return;
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            List<PartitionInfo> partitions = p.partitionsFor(topic);
            if (!partitions.isEmpty() && partitions.stream().allMatch(i -> i.leader() != null && !i.leader().isEmpty())) {
                break;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        warmed.add(topic);
    }

    /**
     * Sends the records of one source's diff to the relation topics of {@code org} (the organisation
     * part of the topic names).
     *
     * @throws TopicAdmin.TopicException when a relation topic cannot be created
     */
    public void send(String org, EdgeDiff diff) throws TopicAdmin.TopicException {
        if (diff.isEmpty()) {
            return;
        }
        KafkaProducer<String, byte[]> p = producer();
        for (Edge e : diff.removed()) {
            send(p, org, e, null);
        }
        for (Map.Entry<Edge, String> e : diff.written().entrySet()) {
            send(p, org, e.getKey(), EdgeValue.encode(e.getValue()));
        }
    }

    private void send(KafkaProducer<String, byte[]> p, String org, Edge e, byte[] value) throws TopicAdmin.TopicException {
        String topic = Topics.relationOfOrgPart(org, e.targetComponent());
        topics.ensureCompacted(topic);
        warm(p, topic);
        pending.incrementAndGet();
        try {
            p.send(new ProducerRecord<>(topic, e.key(), value), (meta, ex) -> {
                pending.decrementAndGet();
                if (ex != null) {
                    if (failure.compareAndSet(null, ex)) {
                        metrics.writeFailure();
                        LOG.log(Level.WARNING, "Kafka did not acknowledge an edge on " + topic + "; rebuilding from Kafka", ex);
                    }
                } else {
                    metrics.edgesAcknowledged(org, value == null ? 0 : 1, value == null ? 1 : 0);
                }
            });
        } catch (RuntimeException ex) {
            pending.decrementAndGet();
            failure.compareAndSet(null, ex);
            metrics.writeFailure();
            LOG.log(Level.WARNING, "Cannot send an edge to " + topic + "; rebuilding from Kafka", ex);
        }
    }

    /** Records a failure found outside a send (a relation topic that cannot be created). */
    public void failed(Exception e) {
        if (failure.compareAndSet(null, e)) {
            metrics.writeFailure();
            LOG.log(Level.WARNING, "Cannot write edges; rebuilding from Kafka", e);
        }
    }

    /** Blocks until every record sent so far is acknowledged or failed. */
    public void flush() {
        KafkaProducer<String, byte[]> p;
        synchronized (this) {
            p = producer;
        }
        if (p != null) {
            p.flush();
        }
    }

    /** Records sent but not yet acknowledged. */
    public long pending() {
        return pending.get();
    }

    /** The first failed send since the last {@link #reset()}, or null. */
    public Exception failure() {
        return failure.get();
    }

    /** After a failure: drops the producer (its in-flight sends end first) and starts clean. */
    public void reset() {
        KafkaProducer<String, byte[]> p;
        synchronized (this) {
            p = producer;
            producer = null;
        }
        if (p != null) {
            p.close(Duration.ofSeconds(30));
        }
        pending.set(0);
        failure.set(null);
    }

    @PreDestroy
    void close() {
        KafkaProducer<String, byte[]> p;
        synchronized (this) {
            p = producer;
            producer = null;
        }
        if (p != null) {
            p.close(Duration.ofSeconds(10));
        }
    }
}
