package no.fint.platform.relations.service;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Gives the {@code entities} channel a consumer group of its own for each start of the service. The
 * service never relies on committed offsets (the start-up rebuild reads everything and the engine
 * skips what it covered), so a fresh group costs nothing in correctness and saves the wait for a
 * crashed predecessor's session to time out before partitions are assigned again. Lower ordinal than
 * microprofile-config.properties, so a deployment can still set {@value #KEY}.
 */
public class ChannelGroupConfigSource implements ConfigSource {

    static final String KEY = "mp.messaging.incoming.entities.group.id";
    private static final String GROUP = "fint-relations-" + UUID.randomUUID();

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(KEY);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(KEY, GROUP);
    }

    @Override
    public String getValue(String propertyName) {
        return KEY.equals(propertyName) ? GROUP : null;
    }

    @Override
    public String getName() {
        return "fint-relations-channel-group";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }
}
