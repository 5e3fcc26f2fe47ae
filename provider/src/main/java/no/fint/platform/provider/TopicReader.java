package no.fint.platform.provider;

import no.fint.platform.service.KafkaSettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a whole topic from the beginning up to the end offsets it had when the read started (no
 * consumer group: every partition assigned), then optionally keeps following it. The sinks of the
 * provider (contracts, sessions, the stale-key scan) are built on it.
 */
final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;

    TopicReader(KafkaSettings settings, String clientId, String topic) {
        this.consumer = new KafkaConsumer<>(settings.reader(clientId));
        this.topic = topic;
    }


    /**
     * Reads every record up to the end offsets of now. Fails when no record arrives for
     * {@code stall} while some are still missing (Kafka gone).
     */
    void readToEnd(Consumer<ConsumerRecord<String, byte[]>> each, Duration stall) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(15));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("Topic " + topic + " has no partitions (missing?)");
        }
        List<TopicPartition> parts = new ArrayList<>(infos.size());
        infos.forEach(i -> parts.add(new TopicPartition(topic, i.partition())));
        consumer.assign(parts);
        consumer.seekToBeginning(parts);
        Map<TopicPartition, Long> end = consumer.endOffsets(parts, Duration.ofSeconds(15));
        long lastProgress = System.nanoTime();
        while (!caughtUp(end)) {
            ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(500));
            if (!batch.isEmpty()) {
                lastProgress = System.nanoTime();
                for (ConsumerRecord<String, byte[]> r : batch) {
                    each.accept(r);
                }
            } else if (System.nanoTime() - lastProgress > stall.toNanos()) {
                throw new IllegalStateException("No progress reading " + topic + " for " + stall);
            }
        }
    }

    /** After {@link #readToEnd}: the records that arrived since, waiting up to {@code wait}. */
    void follow(Consumer<ConsumerRecord<String, byte[]>> each, Duration wait) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(wait)) {
            each.accept(r);
        }
    }

    private boolean caughtUp(Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Makes a blocked poll return (from another thread). */
    void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        try {
            consumer.close(Duration.ofSeconds(2));
        } catch (WakeupException | org.apache.kafka.common.errors.InterruptException e) {
            // closing anyway
        }
    }
}
