package no.fint.platform.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ResourceType;
import no.fint.platform.write.WriteEvents;
import no.fint.platform.write.WritePolicy;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The consumer's client-write settings (MicroProfile Config):
 * <ul>
 *   <li>{@code fint.consumer.writeable}: resource paths writeable besides the model's writeable classes;</li>
 *   <li>{@code fint.consumer.deletable}: resource paths that accept DELETE (v1 generated none);</li>
 *   <li>{@code fint.consumer.status.created}: answer an accepted create or update 201 instead of 303 (v1's flag);</li>
 *   <li>{@code fint.consumer.write.ttl}: how long the adapter has to answer (default 2 minutes, at most 25),
 *   per resource {@code fint.consumer.write.ttl.{domain}.{package}.{resource}};</li>
 *   <li>{@code fint.consumer.write.max-body-bytes}: the largest body (default 4 MiB less 64 KiB, what fits a Kafka record).</li>
 * </ul>
 */
@ApplicationScoped
public class WriteConfig {

    private WritePolicy policy;
    private boolean created;
    private Duration ttl;
    private long maxBodyBytes;
    private Duration ackTimeout;
    private Config config;
    private final Map<String, Duration> ttls = new ConcurrentHashMap<>();

    /** For CDI. */
    protected WriteConfig() {
    }

    @Inject
    public WriteConfig(InformationModel model, Config config,
                       @ConfigProperty(name = "fint.consumer.writeable") Optional<String> writeable,
                       @ConfigProperty(name = "fint.consumer.deletable") Optional<String> deletable,
                       @ConfigProperty(name = "fint.consumer.status.created", defaultValue = "false") boolean created,
                       @ConfigProperty(name = "fint.consumer.write.ttl", defaultValue = "PT2M") Duration ttl,
                       @ConfigProperty(name = "fint.consumer.write.max-body-bytes", defaultValue = "4128768") long maxBodyBytes,
                       @ConfigProperty(name = "fint.consumer.write.ack-timeout", defaultValue = "PT15S") Duration ackTimeout) {
        this.policy = new WritePolicy(model, list(writeable), list(deletable));
        this.created = created;
        this.ttl = check("fint.consumer.write.ttl", ttl);
        this.maxBodyBytes = maxBodyBytes;
        this.ackTimeout = ackTimeout;
        this.config = config;
    }

    private static List<String> list(Optional<String> v) {
        return v.map(s -> Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList()).orElse(List.of());
    }

    private static Duration check(String key, Duration d) {
        if (d.isNegative() || d.isZero() || d.compareTo(WriteEvents.MAX_TIME_TO_LIVE) > 0) {
            throw new IllegalArgumentException(key + " must be positive and at most " + WriteEvents.MAX_TIME_TO_LIVE + ", not " + d);
        }
        return d;
    }

    public WritePolicy policy() {
        return policy;
    }

    /** v1's {@code fint.consumer.status.created}: 201 instead of 303. */
    public boolean created() {
        return created;
    }

    /** The time to live of a write to {@code type}. */
    public Duration ttl(ResourceType type) {
        return ttls.computeIfAbsent(type.path(), p -> {
            String key = "fint.consumer.write.ttl" + p.replace('/', '.');
            return config.getOptionalValue(key, Duration.class).map(d -> check(key, d)).orElse(ttl);
        });
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** Longest wait for Kafka to acknowledge a write request (then 503). */
    public Duration ackTimeout() {
        return ackTimeout;
    }
}
