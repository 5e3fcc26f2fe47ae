package no.fint.platform.service;

import no.fint.platform.records.EntityRecord;
import no.fint.platform.records.RecordHeaders;
import no.fint.platform.records.RecordKeys;
import no.fint.platform.records.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.util.ArrayList;
import java.util.List;

/** Maps {@link EntityRecord}s to and from Kafka records: topic, key, value and headers in one place. */
public final class EntityRecordCodec {

    private EntityRecordCodec() {
    }

    public static ProducerRecord<String, byte[]> toKafka(EntityRecord r) {
        List<Header> headers = new ArrayList<>(4);
        headers.add(new RecordHeader(RecordHeaders.RESOURCE_NAME, RecordHeaders.encodeString(r.resourceName())));
        headers.add(new RecordHeader(RecordHeaders.LAST_MODIFIED, RecordHeaders.encodeLong(r.lastModified())));
        if (r.syncType() != null) {
            headers.add(new RecordHeader(RecordHeaders.SYNC_TYPE, RecordHeaders.encodeString(r.syncType())));
        }
        if (r.corrId() != null) {
            headers.add(new RecordHeader(RecordHeaders.CORR_ID, RecordHeaders.encodeString(r.corrId())));
        }
        return new ProducerRecord<>(Topics.entity(r.orgId(), r.component()), null,
                RecordKeys.entity(r.resourceName(), r.identifier()), r.value(), headers);
    }

    /** Reads an entity record of {@code orgId}'s topic; the component comes from the caller's topic map. */
    public static EntityRecord fromKafka(String orgId, no.fint.platform.model.Component component, ConsumerRecord<String, byte[]> r) {
        Headers h = r.headers();
        String key = r.key();
        Header lm = h.lastHeader(RecordHeaders.LAST_MODIFIED);
        long lastModified = lm != null ? RecordHeaders.decodeLong(lm.value()) : r.timestamp();
        return new EntityRecord(orgId, component, RecordKeys.resourceName(key), RecordKeys.identifier(key), r.value(),
                lastModified, string(h, RecordHeaders.SYNC_TYPE), string(h, RecordHeaders.CORR_ID));
    }

    private static String string(Headers h, String name) {
        Header x = h.lastHeader(name);
        return x == null ? null : RecordHeaders.decodeString(x.value());
    }
}
