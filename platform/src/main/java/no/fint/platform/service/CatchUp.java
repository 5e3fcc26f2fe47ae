package no.fint.platform.service;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The readiness rule for a stream read through reactive messaging: caught up once every partition of
 * the matching topics that existed at start has been delivered up to the end offset it had then
 * (partitions created later do not count; one whose records were all deleted by retention meanwhile
 * counts as read). The reader reports each record it was handed with {@link #delivered}. Never
 * becomes false again.
 */
public final class CatchUp {

    private static final Logger LOG = Logger.getLogger(CatchUp.class.getName());

    private final KafkaSettings settings;
    private final String clientId;
    private final Predicate<String> topics;
    private final Map<TopicPartition, Long> delivered = new ConcurrentHashMap<>();
    private volatile Map<TopicPartition, Long> waiting;
    private volatile boolean caughtUp;
    private volatile boolean stopped;
    private long lastBeginningCheck;

    public CatchUp(KafkaSettings settings, String clientId, Predicate<String> topics) {
        this.settings = settings;
        this.clientId = clientId;
        this.topics = topics;
    }

    /** Notes the end offsets of the matching topics as of now, on a thread of its own (retrying until Kafka answers). */
    public void start() {
        Thread.ofPlatform().daemon().name(clientId + "-start").start(() -> {
            while (!stopped && waiting == null) {
                try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(settings.reader(clientId))) {
                    List<TopicPartition> parts = new ArrayList<>();
                    for (Map.Entry<String, List<PartitionInfo>> t : c.listTopics(Duration.ofSeconds(10)).entrySet()) {
                        if (topics.test(t.getKey())) {
                            t.getValue().forEach(p -> parts.add(new TopicPartition(p.topic(), p.partition())));
                        }
                    }
                    Map<TopicPartition, Long> begin = c.beginningOffsets(parts, Duration.ofSeconds(10));
                    Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(10));
                    Map<TopicPartition, Long> w = new ConcurrentHashMap<>();
                    end.forEach((tp, e) -> {
                        if (e > begin.getOrDefault(tp, 0L)) {
                            w.put(tp, e);
                        }
                    });
                    LOG.fine(() -> clientId + ": reading " + parts.size() + " partitions, " + w.size() + " with records, to their end");
                    waiting = w;
                    check();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, clientId + ": cannot list the topics yet; retrying in 2 s: " + e.getMessage());
                    try {
                        Thread.sleep(2_000);
                    } catch (InterruptedException x) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        });
    }

    /** A record at {@code offset} was handed to the reader. */
    public void delivered(String topic, int partition, long offset) {
        delivered.merge(new TopicPartition(topic, partition), offset + 1, Math::max);
        if (!caughtUp) {
            check();
        }
    }

    /** True once caught up (see the class). Re-checks partitions emptied by retention every few seconds. */
    public boolean caughtUp() {
        if (!caughtUp) {
            check();
        }
        return caughtUp;
    }

    private synchronized void check() {
        Map<TopicPartition, Long> w = waiting;
        if (caughtUp || w == null) {
            return;
        }
        w.entrySet().removeIf(e -> delivered.getOrDefault(e.getKey(), 0L) >= e.getValue());
        long now = System.currentTimeMillis();
        if (!w.isEmpty() && now - lastBeginningCheck > 5_000) {
            lastBeginningCheck = now;
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(settings.reader(clientId + "-check"))) {
                Map<TopicPartition, Long> begin = c.beginningOffsets(new ArrayList<>(w.keySet()), Duration.ofSeconds(5));
                w.entrySet().removeIf(e -> begin.getOrDefault(e.getKey(), 0L) >= e.getValue());
            } catch (RuntimeException e) {
                // the next check tries again
            }
        }
        if (w.isEmpty()) {
            caughtUp = true;
        }
    }

    /** Records still to be read per partition (diagnostics); empty once caught up. */
    public Map<String, Long> lag() {
        Map<TopicPartition, Long> w = waiting;
        Map<String, Long> out = new HashMap<>();
        if (w != null) {
            w.forEach((tp, end) -> out.put(tp.toString(), end - delivered.getOrDefault(tp, 0L)));
        }
        return out;
    }

    public void stop() {
        stopped = true;
    }
}
