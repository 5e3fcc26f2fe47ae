package no.fint.platform.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.fint.platform.model.ResourceType;
import no.fint.platform.records.RecordHeaders;
import no.fint.platform.records.RecordKeys;
import no.fint.platform.records.Topics;
import no.fint.platform.service.TopicAdmin;
import no.fint.platform.sync.KeyIndex;
import no.fint.platform.sync.SyncType;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes entity records (canonical resources, tombstones) onto an organisation's entity topic and
 * returns when Kafka acknowledged all of them. The headers are the same for every record of a batch,
 * so they are built once per batch (this runs for every resource). What the key index of the stale
 * deletion would read back from each record (key, last-modified, corrId, tombstone) is handed to it
 * as the record is acknowledged.
 */
@ApplicationScoped
public class EntitySource {

    private RecordProducer producer;
    private TopicAdmin topics;
    private EntityKeySink keys;

    /** For CDI. */
    protected EntitySource() {
    }

    @Inject
    public EntitySource(RecordProducer producer, TopicAdmin topics, EntityKeySink keys) {
        this.producer = producer;
        this.topics = topics;
        this.keys = keys;
    }

    /** One record to write: the identifier (key part) and the canonical JSON, or null for a tombstone. */
    public record Entity(String identifier, byte[] json) {
    }

    /**
     * Writes {@code entities} of {@code type} for {@code orgId}, stamped {@code lastModified}, and
     * waits for every acknowledgement.
     */
    public void publish(String orgId, ResourceType type, SyncType syncType, String corrId, long lastModified,
                        List<Entity> entities) throws Unavailable {
        String topic = Topics.entity(orgId, type.component());
        try {
            topics.ensureCompacted(topic);
        } catch (TopicAdmin.TopicException e) {
            throw new Unavailable(e.getMessage(), e);
        }
        Header[] headers = {
                new RecordHeader(RecordHeaders.RESOURCE_NAME, RecordHeaders.encodeString(type.name())),
                new RecordHeader(RecordHeaders.LAST_MODIFIED, RecordHeaders.encodeLong(lastModified)),
                new RecordHeader(RecordHeaders.SYNC_TYPE, RecordHeaders.encodeString(syncType.name())),
                new RecordHeader(RecordHeaders.CORR_ID, RecordHeaders.encodeString(corrId))
        };
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(entities.size());
        for (Entity e : entities) {
            records.add(new ProducerRecord<>(topic, null, RecordKeys.entity(type.name(), e.identifier()), e.json(),
                    new org.apache.kafka.common.header.internals.RecordHeaders(headers)));
        }
        // Acknowledged records go straight into the stale deletion's key index (see EntityKeySink).
        int corrHash = KeyIndex.corrHash(corrId);
        producer.sendAll(records, (i, m) -> {
            ProducerRecord<String, byte[]> r = records.get(i);
            keys.written(topic, m.partition(), m.offset(), r.key(), lastModified, corrHash, r.value() == null);
        });
    }
}
