package no.fint.platform.provider;

import no.fint.platform.records.RecordHeaders;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Reads what really reached the broker, for assertions (plain Kafka clients, no stand-in). */
final class TestKafka {

    private TestKafka() {
    }

    /** One record as read back. */
    record Rec(String key, String value, Map<String, String> headers, long lastModified) {
        boolean tombstone() {
            return value == null;
        }
    }

    /** Every record of a topic in offset order per partition (empty when the topic does not exist). */
    static List<Rec> read(String bootstrap, String topic) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrap);
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            if (!c.listTopics(Duration.ofSeconds(10)).containsKey(topic)) {
                return List.of();
            }
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            List<Rec> out = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 20_000;
            while (parts.stream().anyMatch(p -> c.position(p) < end.get(p)) && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    Map<String, String> h = new HashMap<>();
                    long lm = -1;
                    for (Header x : r.headers()) {
                        if (x.key().equals(RecordHeaders.LAST_MODIFIED)) {
                            lm = RecordHeaders.decodeLong(x.value());
                        } else {
                            h.put(x.key(), new String(x.value(), StandardCharsets.UTF_8));
                        }
                    }
                    out.add(new Rec(r.key(), r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8), h, lm));
                }
            }
            return out;
        }
    }

    /** Records on a topic (sum of end offsets); 0 when the topic does not exist. */
    static long count(String bootstrap, String topic) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            if (!names.contains(topic)) {
                return 0;
            }
            var desc = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
            Map<TopicPartition, OffsetSpec> req = new HashMap<>();
            desc.partitions().forEach(p -> req.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(req).all().get(10, TimeUnit.SECONDS).values().stream().mapToLong(i -> i.offset()).sum();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes one record directly (to stage what a crashed provider left behind). */
    static void write(String bootstrap, String topic, String key, byte[] value) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrap);
        props.put("acks", "all");
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            p.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The latest value per key (null for a tombstone), as compaction would leave it. */
    static Map<String, String> latest(List<Rec> records) {
        Map<String, String> m = new HashMap<>();
        records.forEach(r -> m.put(r.key(), r.value()));
        return m;
    }
}
