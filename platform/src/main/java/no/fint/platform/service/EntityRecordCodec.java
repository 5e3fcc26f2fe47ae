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
        long lastModified = lastModified(r);
        return new EntityRecord(orgId, component, RecordKeys.resourceName(key), RecordKeys.identifier(key), r.value(),
                lastModified, string(h, RecordHeaders.SYNC_TYPE), string(h, RecordHeaders.CORR_ID));
    }

    /**
     * The record's {@code last-modified} header, or its timestamp when it has none. Decodes a header's
     * name only when its value has a long's 8 bytes: Kafka decodes names on demand, and on a cache
     * rebuild decoding every name of every record (as {@code lastHeader} does from the end) cost
     * about 8% of the readers' time. The platform's producers write the header once.
     */
    public static long lastModified(ConsumerRecord<?, ?> r) {
        for (Header h : r.headers()) {
            byte[] v = h.value();
            if (v != null && v.length == Long.BYTES && RecordHeaders.LAST_MODIFIED.equals(h.key())) {
                return RecordHeaders.decodeLong(v);
            }
        }
        return r.timestamp();
    }

    private static String string(Headers h, String name) {
        Header x = h.lastHeader(name);
        return x == null ? null : RecordHeaders.decodeString(x.value());
    }
}
