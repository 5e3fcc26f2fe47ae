package no.fint.platform.provider;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.fint.platform.records.Topics;
import no.fint.platform.service.KafkaSettings;
import no.fint.platform.write.WriteEvent;
import no.fint.platform.write.WriteEvents;
import no.fint.platform.write.WriteLedger;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The provider's {@link WriteLedger}, folded from every organisation's write log as
 * {@link WriteLogSink} delivers it. Loaded once every partition of the write logs that existed at
 * start has been delivered up to the end it had then: until then the provider answers polls and
 * answers with 503 and expires nothing, so a restart neither hands out a request whose lease or
 * answer it has not read yet nor expires a request whose answer it has not read yet.
 */
@ApplicationScoped
public class WriteLedgerStore {

    private static final Logger LOG = Logger.getLogger(WriteLedgerStore.class.getName());

    private WriteLedger ledger;
    private KafkaSettings settings;
    private Clock clock;
    /** Per partition: the next offset after the last record delivered. */
    private final Map<TopicPartition, Long> delivered = new ConcurrentHashMap<>();
    /** Per partition of the logs at start: the end offset then; emptied as partitions catch up. */
    private volatile Map<TopicPartition, Long> startEnd;
    private volatile boolean loaded;
    private volatile long loadedAt;
    private volatile long applied;
    private volatile long unreadable;
    private volatile boolean stopped;

    /** For CDI. */
    protected WriteLedgerStore() {
    }

    @Inject
    public WriteLedgerStore(KafkaSettings settings, EventSettings events, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.ledger = new WriteLedger(events.maxTimeToLive());
    }

    public WriteLedger ledger() {
        return ledger;
    }

    /** True once the write logs were read up to where they ended at start. */
    public boolean loaded() {
        return loaded;
    }

    /**
     * Notes the end of every write log partition as of now (retrying until Kafka answers); runs on its
     * own thread at start.
     */
    void start() {
        Thread.ofPlatform().daemon().name("fint-write-log-start").start(() -> {
            while (!stopped && startEnd == null) {
                try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(settings.reader("fint-provider-write-log-start"))) {
                    List<TopicPartition> parts = new ArrayList<>();
                    for (Map.Entry<String, List<PartitionInfo>> t : c.listTopics(Duration.ofSeconds(10)).entrySet()) {
                        if (Topics.ANY_WRITE_EVENTS.matcher(t.getKey()).matches()) {
                            t.getValue().forEach(p -> parts.add(new TopicPartition(p.topic(), p.partition())));
                        }
                    }
                    Map<TopicPartition, Long> begin = c.beginningOffsets(parts, Duration.ofSeconds(10));
                    Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(10));
                    Map<TopicPartition, Long> waiting = new ConcurrentHashMap<>();
                    end.forEach((tp, e) -> {
                        if (e > begin.getOrDefault(tp, 0L)) {
                            waiting.put(tp, e);
                        }
                    });
                    LOG.info(() -> "Reading the write logs of " + parts.stream().map(TopicPartition::topic).distinct().count()
                            + " organisations (" + waiting.size() + " partitions with records)");
                    startEnd = waiting;
                    checkLoaded();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Cannot list the write logs yet; retrying in 2 s: " + e.getMessage());
                    sleep();
                }
            }
        });
    }

    /** One record of a write log, from {@link WriteLogSink}. Never throws. */
    void accept(String topic, int partition, long offset, byte[] value) {
        try {
            if (value != null) {
                ledger.apply(WriteEvents.read(value), clock.millis());
                applied++;
            }
        } catch (RuntimeException e) {
            unreadable++;
            LOG.log(Level.WARNING, "Skipping an unreadable write-log record " + topic + "/" + partition + "@" + offset + ": " + e.getMessage());
        }
        delivered.merge(new TopicPartition(topic, partition), offset + 1, Math::max);
        if (!loaded) {
            checkLoaded();
        }
    }

    /** A decision this provider wrote (and Kafka acknowledged): applied at once, not only when read back. */
    void applyOwn(WriteEvent event) {
        ledger.apply(event, clock.millis());
    }

    /**
     * Re-checks the start condition; also called by the sweeper, for partitions whose records were
     * all deleted by retention while they were being read.
     */
    synchronized void checkLoaded() {
        Map<TopicPartition, Long> waiting = startEnd;
        if (loaded || waiting == null) {
            return;
        }
        waiting.entrySet().removeIf(e -> delivered.getOrDefault(e.getKey(), 0L) >= e.getValue());
        if (!waiting.isEmpty() && sinceLastBeginningCheck()) {
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(settings.reader("fint-provider-write-log-check"))) {
                Map<TopicPartition, Long> begin = c.beginningOffsets(new ArrayList<>(waiting.keySet()), Duration.ofSeconds(5));
                waiting.entrySet().removeIf(e -> begin.getOrDefault(e.getKey(), 0L) >= e.getValue());
            } catch (RuntimeException e) {
                // the next check tries again
            }
        }
        if (waiting.isEmpty()) {
            loaded = true;
            loadedAt = System.currentTimeMillis();
            LOG.info(() -> "Write logs read: " + ledger.size() + " write requests known (" + applied + " records, "
                    + unreadable + " unreadable)");
        }
    }

    private long lastBeginningCheck;

    private boolean sinceLastBeginningCheck() {
        long now = System.currentTimeMillis();
        if (now - lastBeginningCheck < 5_000) {
            return false;
        }
        lastBeginningCheck = now;
        return true;
    }

    /** Write-log records that could not be read (skipped). */
    public long unreadable() {
        return unreadable;
    }

    /** Partitions still being read up to their end at start (diagnostics). */
    public Map<String, Long> waitingFor() {
        Map<TopicPartition, Long> w = startEnd;
        Map<String, Long> out = new HashMap<>();
        if (w != null) {
            w.forEach((tp, end) -> out.put(tp.toString(), end - delivered.getOrDefault(tp, 0L)));
        }
        return out;
    }

    @PreDestroy
    void stop() {
        stopped = true;
    }

    private static void sleep() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
