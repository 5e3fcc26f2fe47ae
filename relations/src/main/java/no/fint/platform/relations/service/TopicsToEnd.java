package no.fint.platform.relations.service;

import no.fint.platform.service.KafkaSettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads every partition of every topic matching a pattern from the beginning up to the end offsets it
 * has when the read starts, with a plain client: the start-up rebuild needs assignment without a group,
 * end offsets and batch polls, which the messaging connector does not offer.
 */
final class TopicsToEnd {

    private TopicsToEnd() {
    }

    /**
     * Hands every record to {@code sink} in partition order and returns the position reached in each
     * partition (at least its end offset at the start of the read).
     */
    static Map<TopicPartition, Long> read(KafkaSettings settings, String clientId, Pattern topics,
                                          Consumer<ConsumerRecord<String, byte[]>> sink, BooleanSupplier running) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings.reader(clientId))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Map.Entry<String, List<PartitionInfo>> t : consumer.listTopics(Duration.ofSeconds(30)).entrySet()) {
                if (topics.matcher(t.getKey()).matches()) {
                    t.getValue().forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            Map<TopicPartition, Long> reached = new HashMap<>();
            if (partitions.isEmpty()) {
                return reached;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            List<TopicPartition> open = new ArrayList<>(partitions);
            while (!open.isEmpty() && running.getAsBoolean()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    sink.accept(r);
                }
                open.removeIf(tp -> consumer.position(tp, Duration.ofSeconds(30)) >= end.get(tp));
            }
            for (TopicPartition tp : partitions) {
                reached.put(tp, consumer.position(tp, Duration.ofSeconds(30)));
            }
            return reached;
        }
    }
}
