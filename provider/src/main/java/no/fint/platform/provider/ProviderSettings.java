package no.fint.platform.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** The provider's own settings ({@code fint.provider.*}, MicroProfile Config). */
@ApplicationScoped
public class ProviderSettings {

    private long maxBodyBytes;
    private Duration abandonAfter;
    private Duration retention;
    private Duration sweepInterval;
    private int missedBeats;
    private int retryAfterSeconds;
    private Duration ackTimeout;

    /** For CDI. */
    protected ProviderSettings() {
    }

    @Inject
    public ProviderSettings(@ConfigProperty(name = "fint.provider.max-body-bytes", defaultValue = "16777216") long maxBodyBytes,
                            @ConfigProperty(name = "fint.provider.sync.abandon-after", defaultValue = "PT15M") Duration abandonAfter,
                            @ConfigProperty(name = "fint.provider.sync.retention", defaultValue = "P2D") Duration retention,
                            @ConfigProperty(name = "fint.provider.sync.sweep-interval", defaultValue = "PT30S") Duration sweepInterval,
                            @ConfigProperty(name = "fint.provider.heartbeat.missed-beats", defaultValue = "2") int missedBeats,
                            @ConfigProperty(name = "fint.provider.retry-after-seconds", defaultValue = "5") int retryAfterSeconds,
                            @ConfigProperty(name = "fint.provider.ack-timeout", defaultValue = "PT30S") Duration ackTimeout) {
        this.maxBodyBytes = maxBodyBytes;
        this.abandonAfter = abandonAfter;
        this.retention = retention;
        this.sweepInterval = sweepInterval;
        this.missedBeats = missedBeats;
        this.retryAfterSeconds = retryAfterSeconds;
        this.ackTimeout = ackTimeout;
    }

    /** Largest request body (bytes); larger ones get 413. Default 16 MiB. */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** A sync without a page for this long is FAILED (abandoned). Default 15 minutes. */
    public Duration abandonAfter() {
        return abandonAfter;
    }

    /** Finished syncs are kept (status API, replays) this long. Default 2 days. */
    public Duration retention() {
        return retention;
    }

    /** How often abandoned syncs are looked for and unfinished stale deletions retried. Default 30 s. */
    public Duration sweepInterval() {
        return sweepInterval;
    }

    /** Heartbeat intervals an adapter may miss before it counts as MISSING. Default 2. */
    public int missedBeats() {
        return missedBeats;
    }

    /** The Retry-After of a 503. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Longest wait for Kafka's acknowledgements of one request's records. */
    public Duration ackTimeout() {
        return ackTimeout;
    }
}
