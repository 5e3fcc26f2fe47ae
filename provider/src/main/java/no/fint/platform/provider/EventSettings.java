package no.fint.platform.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.fint.platform.write.WriteEvents;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** Settings of the client-write path ({@code fint.provider.event.*}, MicroProfile Config). */
@ApplicationScoped
public class EventSettings {

    private Duration lease;
    private Duration sweepInterval;
    private Duration keep;

    /** For CDI. */
    protected EventSettings() {
    }

    @Inject
    public EventSettings(@ConfigProperty(name = "fint.provider.event.lease", defaultValue = "PT60S") Duration lease,
                         @ConfigProperty(name = "fint.provider.event.sweep-interval", defaultValue = "PT1S") Duration sweepInterval,
                         @ConfigProperty(name = "fint.provider.event.keep", defaultValue = "PT35M") Duration keep) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("fint.provider.event.lease must be positive");
        }
        this.lease = lease;
        this.sweepInterval = sweepInterval;
        this.keep = keep;
    }

    /** How long a polled request is the polling adapter's alone. Default 60 s. */
    public Duration lease() {
        return lease;
    }

    /** How often requests past their deadline are expired. Default 1 s. */
    public Duration sweepInterval() {
        return sweepInterval;
    }

    /** Answered and expired requests are remembered (a late second answer is told it came second) this long after creation. Default 35 min. */
    public Duration keep() {
        return keep;
    }

    /** The longest time to live of a request, whatever its timeToLive says. */
    public Duration maxTimeToLive() {
        return WriteEvents.MAX_TIME_TO_LIVE;
    }
}
