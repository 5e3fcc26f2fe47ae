package no.fint.platform.consumer;

import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.broker.TopicContents;
import no.fint.platform.model.Component;
import no.fint.platform.records.EntityRecord;
import no.fint.platform.records.Topics;
import no.fint.platform.service.EntityRecordCodec;
import no.fint.platform.write.WriteEvent;
import no.fint.platform.write.WriteEvents;
import no.fint.platform.write.WriteRequest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The test plays the provider: reads the organisation's write log, writes decisions and entity records. */
final class WriteLog implements AutoCloseable {

    private final String orgId;
    private final KafkaProducer<String, byte[]> producer;

    WriteLog(String orgId) {
        this.orgId = orgId;
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", KafkaBrokerExtension.bootstrapServers(), "acks", "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    String topic() {
        return Topics.writeEvents(orgId);
    }

    void write(WriteEvent e) {
        try {
            producer.send(new ProducerRecord<>(topic(), e.corrId(), WriteEvents.write(e))).get(10, TimeUnit.SECONDS);
        } catch (Exception x) {
            throw new IllegalStateException(x);
        }
    }

    /** Writes an entity record as the provider does for an accepted answer; returns where it landed. */
    RecordMetadata entity(Component c, String resource, String identifier, String canonical, String corrId, long lastModified) {
        try {
            ProducerRecord<String, byte[]> r = EntityRecordCodec.toKafka(new EntityRecord(orgId, c, resource, identifier,
                    canonical == null ? null : canonical.getBytes(StandardCharsets.UTF_8), lastModified, "EVENT", corrId));
            return producer.send(r).get(10, TimeUnit.SECONDS);
        } catch (Exception x) {
            throw new IllegalStateException(x);
        }
    }

    /** The request with {@code corrId} once it is on the log; fails the test after {@code timeout}. */
    WriteRequest awaitRequest(String corrId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (WriteEvent e : events()) {
                if (e instanceof WriteEvent.Requested q && q.corrId().equals(corrId)) {
                    return q.request();
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the request " + corrId + " never reached the write log");
    }

    /** Every event on the log now. */
    List<WriteEvent> events() {
        return TopicContents.read(KafkaBrokerExtension.bootstrapServers(), topic()).stream().map(r -> WriteEvents.read(r.value())).toList();
    }

    /** Records on a topic (sum of end offsets), 0 when it does not exist. */
    static long count(String topic) {
        return TopicContents.count(KafkaBrokerExtension.bootstrapServers(), topic);
    }

    @Override
    public void close() {
        producer.close();
    }
}
