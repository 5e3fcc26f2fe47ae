package no.fint.platform.service;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates topics on first use with the cleanup policy each kind needs. Entity and relation topics
 * are compacted only: with compact,delete a resource not re-sent within the retention would vanish.
 */
@ApplicationScoped
public class TopicAdmin {

    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private KafkaSettings settings;
    private volatile Admin admin;

    /** For CDI. */
    protected TopicAdmin() {
    }

    @Inject
    public TopicAdmin(KafkaSettings settings) {
        this.settings = settings;
    }

    private Admin admin() {
        Admin a = admin;
        if (a == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(settings.admin("fint-topic-admin"));
                }
                a = admin;
            }
        }
        return a;
    }

    /** A compacted topic (latest value per key is kept forever; null values delete). */
    public void ensureCompacted(String topic) throws TopicException {
        ensureCompacted(topic, settings.partitions());
    }

    /** A compacted topic with its own partition count (small platform topics use one). */
    public void ensureCompacted(String topic, int partitions) throws TopicException {
        ensure(topic, partitions, Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                // Tombstones stay a day so a reader that lags still sees the delete.
                TopicConfig.DELETE_RETENTION_MS_CONFIG, String.valueOf(TimeUnit.DAYS.toMillis(1)),
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(4 * 1024 * 1024)));
    }

    /** A time-limited event topic. */
    public void ensureEvents(String topic, int partitions, long retentionMs) throws TopicException {
        ensure(topic, partitions, Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retentionMs)));
    }

    /**
     * A time-limited event topic whose segments roll every {@code segmentMs}, so records older than
     * the retention are really deleted soon after (a segment is deleted only when its newest record is).
     */
    public void ensureEvents(String topic, int partitions, long retentionMs, long segmentMs) throws TopicException {
        ensure(topic, partitions, Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retentionMs),
                TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(segmentMs),
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(4 * 1024 * 1024)));
    }

    private void ensure(String topic, int partitions, Map<String, String> configs) throws TopicException {
        if (known.contains(topic)) {
            return;
        }
        NewTopic t = new NewTopic(topic, partitions, settings.replicationFactor()).configs(configs);
        try {
            admin().createTopics(List.of(t)).all().get(15, TimeUnit.SECONDS);
            awaitLeaders(topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new TopicException("Cannot create topic " + topic, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new TopicException("Kafka did not answer while creating " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicException("Interrupted while creating " + topic, e);
        }
        known.add(topic);
    }

    /**
     * A new topic is usable only once every partition has a leader. A producer that sends earlier,
     * with several requests in flight, can see its first batches fail until the delivery timeout
     * (KAFKA-15591): the caller would answer 503 for a page sent to a brand-new topic.
     */
    private void awaitLeaders(String topic) throws ExecutionException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try {
                TopicDescription d = admin().describeTopics(List.of(topic)).allTopicNames().get(15, TimeUnit.SECONDS).get(topic);
                if (d != null && d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
                    throw e; // metadata not propagated yet is the only expected failure
                }
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("no leader for every partition of " + topic);
            }
            Thread.sleep(25);
        }
    }

    @PreDestroy
    void close() {
        Admin a = admin;
        if (a != null) {
            a.close();
        }
    }

    /** Kafka could not create or confirm a topic. */
    public static final class TopicException extends Exception {
        public TopicException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
