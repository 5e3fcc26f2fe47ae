package no.fint.platform.relations.service;

import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.broker.TopicContents;
import no.fint.platform.model.Component;
import no.fint.platform.records.EntityRecord;
import no.fint.platform.records.Topics;
import no.fint.platform.service.EntityRecordCodec;
import no.fint.platform.service.KafkaSettings;
import no.fint.platform.service.TopicAdmin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test side of the real broker: writes entity records the way the provider does (through
 * {@link EntityRecordCodec}) and reads relation topics back, record by record.
 */
final class KafkaFixture implements AutoCloseable {

    /** One relation record as read back: key with U+001F shown as '|', value as text, null for a tombstone. */
    record Rec(String key, String value, int partition, long offset) {
    }

    private final KafkaSettings settings;
    private final TopicAdmin admin;
    private final KafkaProducer<String, byte[]> producer;
    private long clock = System.currentTimeMillis();

    KafkaFixture() {
        settings = new KafkaSettings(KafkaBrokerExtension.bootstrapServers(), 3, (short) 1);
        admin = new TopicAdmin(settings);
        producer = new KafkaProducer<>(settings.producer("relations-it"));
    }

    /** A later last-modified stamp on each call, as the provider stamps accepted records. */
    long now() {
        return ++clock;
    }

    RecordMetadata put(String org, String component, String resource, String id, String json) {
        return write(new EntityRecord(org, Component.parse(component), resource, id,
                json == null ? null : json.getBytes(StandardCharsets.UTF_8), now(), json == null ? "DELETE" : "DELTA", "it"));
    }

    RecordMetadata write(EntityRecord r) {
        try {
            admin.ensureCompacted(Topics.entity(r.orgId(), r.component()));
            return producer.send(EntityRecordCodec.toKafka(r)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A raw record, for values and keys the provider would never write. */
    RecordMetadata raw(String topic, String key, byte[] value) {
        try {
            admin.ensureCompacted(topic);
            return producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the engine has applied the record and Kafka acknowledged what it wrote for it. */
    static void awaitApplied(RelationsEngine engine, RecordMetadata m) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (engine.appliedThrough(m.topic(), m.partition()) < m.offset()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The engine did not apply " + m.topic() + "/" + m.partition() + "@" + m.offset());
            }
            sleep(20);
        }
        engine.flush();
    }

    /** Every record of an organisation's relation topic of a component, in partition then offset order. */
    List<Rec> relations(String org, String component) {
        return TopicContents.read(KafkaBrokerExtension.bootstrapServers(), Topics.relation(org, Component.parse(component))).stream()
                .map(r -> new Rec(r.key().replace('\u001F', '|'), r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8),
                        r.partition(), r.offset()))
                .toList();
    }

    /** The compacted view of a relation topic: latest value per key, tombstoned keys left out. */
    Map<String, String> edges(String org, String component) {
        Map<String, String> latest = new LinkedHashMap<>();
        for (Rec r : relations(org, component)) {
            if (r.value() == null) {
                latest.remove(r.key());
            } else {
                latest.put(r.key(), r.value());
            }
        }
        return latest;
    }

    /** The value of the counter line of {@code name} with tags org and reason in Prometheus text, 0 when absent. */
    static long counter(String metrics, String name, String org, String reason) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + "{") && line.contains("org=\"" + org + "\"") && line.contains("reason=\"" + reason + "\"")) {
                return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
