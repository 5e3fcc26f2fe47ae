package no.fint.platform.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.fint.platform.records.RecordHeaders;
import no.fint.platform.records.RecordKeys;
import no.fint.platform.service.KafkaSettings;
import no.fint.platform.sync.KeyIndex;
import org.apache.kafka.common.header.Header;

import java.time.Duration;

/**
 * Builds the {@link KeyIndex} of one resource type on an entity topic by reading the topic from the
 * beginning to its current end: which identifiers exist, since when, written by which sync. Used
 * once per completed full sync, so memory is held only while one resource type is being checked
 * (see {@link KeyIndex} for the figures); the index is dropped afterwards.
 */
@ApplicationScoped
public class EntityKeySink {

    private KafkaSettings settings;

    /** For CDI. */
    protected EntityKeySink() {
    }

    @Inject
    public EntityKeySink(KafkaSettings settings) {
        this.settings = settings;
    }

    public KeyIndex scan(String topic, String resourceName) throws Unavailable {
        String prefix = resourceName + RecordKeys.SEPARATOR;
        KeyIndex index = new KeyIndex();
        try (TopicReader reader = new TopicReader(settings, "fint-provider-stale-scan", topic)) {
            reader.readToEnd(r -> {
                String key = r.key();
                if (key == null || !key.startsWith(prefix)) {
                    return;
                }
                Header lm = r.headers().lastHeader(RecordHeaders.LAST_MODIFIED);
                long lastModified = lm != null && lm.value() != null && lm.value().length == 8
                        ? RecordHeaders.decodeLong(lm.value()) : r.timestamp();
                Header corr = r.headers().lastHeader(RecordHeaders.CORR_ID);
                int corrHash = KeyIndex.corrHash(corr == null ? null : RecordHeaders.decodeString(corr.value()));
                index.put(key.substring(prefix.length()), lastModified, corrHash, r.value() == null);
            }, Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            throw new Unavailable("Cannot read " + topic + ": " + e.getMessage(), e);
        }
        return index;
    }
}
