package no.fint.platform.service;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.util.concurrent.TimeUnit;

/** Answers "is Kafka reachable right now?" cheaply enough for health checks (result kept 2 s). */
@ApplicationScoped
public class KafkaProbe {

    private static final long CACHE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private KafkaSettings settings;
    private volatile Admin admin;
    private volatile long checkedAt;
    private volatile boolean reachable;

    /** For CDI. */
    protected KafkaProbe() {
    }

    @Inject
    public KafkaProbe(KafkaSettings settings) {
        this.settings = settings;
    }

    public boolean reachable() {
        long now = System.nanoTime();
        if (checkedAt != 0 && now - checkedAt < CACHE_NANOS) {
            return reachable;
        }
        synchronized (this) {
            if (admin == null) {
                admin = Admin.create(settings.admin("fint-probe"));
            }
            try {
                admin.describeCluster(new DescribeClusterOptions().timeoutMs(1500)).nodes().get(2, TimeUnit.SECONDS);
                reachable = true;
            } catch (Exception e) {
                reachable = false;
            }
            checkedAt = System.nanoTime();
            return reachable;
        }
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
