package no.fint.platform.provider;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code fint.provider.instance-id}: a random id per provider process, so each instance reads the
 * heartbeat topic in a consumer group of its own (every instance must see every heartbeat).
 */
public class InstanceIdConfigSource implements ConfigSource {

    public static final String KEY = "fint.provider.instance-id";
    private final String id = UUID.randomUUID().toString();

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(KEY);
    }

    @Override
    public String getValue(String propertyName) {
        return KEY.equals(propertyName) ? id : null;
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(KEY, id);
    }

    @Override
    public int getOrdinal() {
        return 50;
    }

    @Override
    public String getName() {
        return "fint-provider-instance-id";
    }
}
