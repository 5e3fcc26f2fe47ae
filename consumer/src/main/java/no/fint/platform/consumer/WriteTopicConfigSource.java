package no.fint.platform.consumer;

import no.fint.platform.records.Topics;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The reactive messaging channel that reads this organisation's write log,
 * {@code {org}.fint-core.write-event}: the topic name is derived from {@code fint.consumer.org-id}
 * (wherever it is configured), and the reading channel gets a consumer group of its own per start (the
 * consumer rebuilds its statuses from the whole log; committed offsets play no part). Lower ordinal
 * than microprofile-config.properties, so a deployment can still set each key.
 */
public class WriteTopicConfigSource implements ConfigSource {

    static final String IN_TOPIC = "mp.messaging.incoming.write-events.topic";
    static final String IN_GROUP = "mp.messaging.incoming.write-events.group.id";
    private static final String GROUP = UUID.randomUUID().toString();
    /** Looking up the org id goes through every source, this one too: no recursion. */
    private static final ThreadLocal<Boolean> RESOLVING = ThreadLocal.withInitial(() -> false);

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(IN_TOPIC, IN_GROUP);
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> m = new HashMap<>();
        for (String k : getPropertyNames()) {
            String v = getValue(k);
            if (v != null) {
                m.put(k, v);
            }
        }
        return m;
    }

    @Override
    public String getValue(String name) {
        if (!getPropertyNames().contains(name) || RESOLVING.get()) {
            return null;
        }
        RESOLVING.set(true);
        try {
            String org = ConfigProvider.getConfig().getOptionalValue("fint.consumer.org-id", String.class).orElse(null);
            if (!Topics.validOrgId(org)) {
                return null;
            }
            return name.equals(IN_GROUP) ? "fint-consumer-writes-" + Topics.orgPart(org) + "-" + GROUP : Topics.writeEvents(org);
        } finally {
            RESOLVING.set(false);
        }
    }

    @Override
    public String getName() {
        return "fint-consumer-write-topics";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }
}
