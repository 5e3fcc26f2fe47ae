package no.fint.platform.broker;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What topics hold now, for tests that check what a service wrote: every record from the beginning
 * up to the end offsets seen at the start (committed data only, as the platform's readers see it),
 * and record counts.
 */
public final class TopicContents {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private TopicContents() {
    }

    /** Every record of {@code topic}, partition by partition in offset order; empty when the topic does not exist. */
    public static List<ConsumerRecord<String, byte[]>> read(String bootstrap, String topic) {
        return read(bootstrap, List.of(topic));
    }

    /**
     * Every record of {@code topics}, topic by topic in the order given, each partition by partition in
     * offset order; a topic that does not exist adds nothing. Fails when the end is not reached in 60 s.
     */
    public static List<ConsumerRecord<String, byte[]>> read(String bootstrap, List<String> topics) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            Map<String, List<PartitionInfo>> existing = c.listTopics(Duration.ofSeconds(10));
            Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition = new LinkedHashMap<>();
            for (String topic : topics) {
                existing.getOrDefault(topic, List.of()).stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .sorted(Comparator.comparingInt(TopicPartition::partition))
                        .forEach(tp -> byPartition.put(tp, new ArrayList<>()));
            }
            List<TopicPartition> parts = new ArrayList<>(byPartition.keySet());
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (parts.stream().anyMatch(p -> c.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(topics + " not read to their end within " + TIMEOUT.toSeconds() + " s");
                }
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    byPartition.get(new TopicPartition(r.topic(), r.partition())).add(r);
                }
            }
            List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
            byPartition.values().forEach(out::addAll);
            return out;
        }
    }

    /** Records on a topic (the sum of its end offsets, compacted-away ones included); 0 when it does not exist. */
    public static long count(String bootstrap, String topic) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic)) {
                return 0;
            }
            TopicDescription desc = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
            Map<TopicPartition, OffsetSpec> req = new HashMap<>();
            desc.partitions().forEach(p -> req.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(req).all().get(10, TimeUnit.SECONDS).values().stream().mapToLong(i -> i.offset()).sum();
        } catch (Exception e) {
            throw new IllegalStateException("cannot count the records of " + topic, e);
        }
    }
}
