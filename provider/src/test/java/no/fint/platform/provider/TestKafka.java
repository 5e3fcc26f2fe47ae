package no.fint.platform.provider;

import no.fint.platform.broker.TopicContents;
import no.fint.platform.records.RecordHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
        List<Rec> out = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : TopicContents.read(bootstrap, topic)) {
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
        return out;
    }

    /** Records on a topic (sum of end offsets); 0 when the topic does not exist. */
    static long count(String bootstrap, String topic) {
        return TopicContents.count(bootstrap, topic);
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
