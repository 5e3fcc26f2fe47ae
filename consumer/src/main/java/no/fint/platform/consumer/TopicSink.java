package no.fint.platform.consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import no.fint.platform.cache.OrgCache;
import no.fint.platform.model.Component;
import no.fint.platform.records.RecordKeys;
import no.fint.platform.records.Topics;
import no.fint.platform.service.EntityRecordCodec;
import no.fint.platform.service.KafkaSettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads this organisation's entity and relation topics of the served components from the beginning
 * into the {@link OrgCache} ("sink" out of Kafka) and keeps following them, with
 * {@code fint.consumer.readers} Kafka consumers in parallel (each owns a share of the partitions, so
 * all versions of one key stay with one reader, in order). Ready once every partition that existed at
 * start has been read up to its end offset at that moment; never unready again on later lag. Topics
 * (and partitions) that appear later are picked up within {@value #REFRESH_MS} ms.
 */
@ApplicationScoped
public class TopicSink {

    private static final Logger LOG = Logger.getLogger(TopicSink.class.getName());
    static final long REFRESH_MS = 500;
    /** Liveness: a reader loop that has not turned for this long is stuck. */
    private static final long STUCK_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** How often a reader sums its partitions' lag (from what its fetches saw; no call to Kafka). */
    private static final long LAG_NANOS = TimeUnit.SECONDS.toNanos(1);

    private record Source(Component component, boolean entity) {
    }

    private final Map<String, Source> topics = new HashMap<>();
    private final AtomicLong rejected = new AtomicLong();
    /** Per partition: the offset after the last record applied (read your own write: a status compares with it). */
    private final Map<TopicPartition, Long> position = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Reader> readers = new ArrayList<>();
    private ConsumerSettings settings;
    private KafkaSettings kafka;
    private OrgCache cache;
    private int readerCount;
    private volatile boolean ready;
    private volatile boolean running = true;
    private volatile long startedAt;
    private volatile long readyAt;

    /** For CDI. */
    protected TopicSink() {
    }

    @Inject
    public TopicSink(ConsumerSettings settings, KafkaSettings kafka, OrgCache cache,
                     @ConfigProperty(name = "fint.consumer.readers", defaultValue = "2") int readerCount) {
        this.settings = settings;
        this.kafka = kafka;
        this.cache = cache;
        this.readerCount = Math.max(1, readerCount);
        for (Component c : settings.components()) {
            topics.put(Topics.entity(settings.orgId(), c), new Source(c, true));
            topics.put(Topics.relation(settings.orgId(), c), new Source(c, false));
        }
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        startedAt = System.currentTimeMillis();
        for (int i = 0; i < readerCount; i++) {
            Reader r = new Reader(i);
            readers.add(r);
            Thread t = new Thread(r, "topic-sink-" + settings.orgId() + "-" + i);
            t.setDaemon(true);
            r.thread = t;
            t.start();
        }
    }

    /** The cache has caught up with Kafka as of start. */
    public boolean ready() {
        return ready;
    }

    /** False when a reading thread has died or stopped turning. */
    public boolean alive() {
        if (readers.isEmpty()) {
            return false;
        }
        for (Reader r : readers) {
            Thread t = r.thread;
            if (t == null || !t.isAlive() || r.failure != null || System.nanoTime() - r.lastTurn > STUCK_NANOS) {
                return false;
            }
        }
        return true;
    }

    /** Records applied to the cache, and records skipped (unreadable, unknown resource). */
    public long applied() {
        long sum = 0;
        for (Reader r : readers) {
            sum += r.applied;
        }
        return sum;
    }

    public long rejected() {
        return rejected.get();
    }

    /**
     * Records between what the readers have applied and the partitions' ends, as their last fetches
     * saw those ends (summed at most once a second per reader); partitions not fetched yet count 0.
     */
    public long lag() {
        long sum = 0;
        for (Reader r : readers) {
            sum += r.lag;
        }
        return sum;
    }

    /**
     * True once the record at {@code offset} of {@code topic}'s {@code partition} has been applied to
     * the cache (so the cache holds that version of its resource, or a newer one).
     */
    public boolean applied(String topic, int partition, long offset) {
        Long p = position.get(new TopicPartition(topic, partition));
        return p != null && p > offset;
    }

    /** Milliseconds from the readers' start until ready, or -1. */
    public long rebuildMillis() {
        return ready ? readyAt - startedAt : -1;
    }

    private synchronized void readerCaughtUp() {
        if (ready) {
            return;
        }
        for (Reader r : readers) {
            if (!r.caughtUp) {
                return;
            }
        }
        cache.markLive();
        readyAt = System.currentTimeMillis();
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        // CPU and GC so far, for the cold-start benchmark (figures that hold up on a shared machine).
        LOG.info(() -> "Cache rebuilt from Kafka in " + (readyAt - startedAt) + " ms (" + applied() + " records, "
                + readers.size() + " readers, process up " + uptime + " ms, process CPU " + processCpuMillis() + " ms, GC "
                + gcMillis() + " ms, readers CPU " + readers.stream().mapToLong(r -> r.cpuToCaughtUp).sum() + " ms, JIT " + jitMillis()
                + " ms); ready");
        ready = true;
    }

    /** CPU time of this process so far (every thread, GC included), or -1 where the JVM does not tell. */
    static long processCpuMillis() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
    }

    /** This thread's CPU time, or 0 where the JVM does not measure it. */
    private static long threadCpuMillis() {
        long nanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        return Math.max(0, nanos) / 1_000_000;
    }

    /** Time the JIT compilers have spent so far (summed over their threads), or -1. */
    static long jitMillis() {
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    /** Time the collectors have spent so far (pauses and, for G1, its concurrent cycles as it counts them). */
    static long gcMillis() {
        long total = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    /** One Kafka consumer and the partitions it owns. */
    private final class Reader implements Runnable {
        private final int index;
        private final Map<TopicPartition, Long> startupEnd = new HashMap<>();
        private volatile Thread thread;
        private volatile Throwable failure;
        private volatile long lastTurn = System.nanoTime();
        private volatile boolean caughtUp;
        /** This thread's CPU time when it had caught up (the rebuild's own work, without JIT and GC). */
        private volatile long cpuToCaughtUp;
        private volatile KafkaConsumer<String, byte[]> consumer;
        /** Records this reader applied; its own counter, as a shared one costs every record a contended update. */
        private volatile long applied;
        private volatile long lag;
        private long lagAt;

        Reader(int index) {
            this.index = index;
        }

        private boolean mine(TopicPartition tp) {
            return Math.floorMod(tp.topic().hashCode() + tp.partition(), readerCount) == index;
        }

        @Override
        public void run() {
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(kafka.reader("fint-consumer-" + settings.orgId() + "-" + index))) {
                consumer = c;
                Set<TopicPartition> assigned = new HashSet<>();
                long lastRefresh = 0;
                boolean listed = false;
                while (running) {
                    lastTurn = System.nanoTime();
                    if (System.currentTimeMillis() - lastRefresh >= REFRESH_MS) {
                        try {
                            Set<TopicPartition> added = refresh(c, assigned);
                            if (!listed) {
                                // The rule: ready once every partition existing now is read up to its end now.
                                startupEnd.putAll(c.endOffsets(added, Duration.ofSeconds(30)));
                                listed = true;
                                if (index == 0) {
                                    LOG.info(() -> "Rebuilding with " + readerCount + " readers; reader 0 has " + added.size() + " partitions");
                                }
                            }
                        } catch (WakeupException | InterruptException e) {
                            break;
                        } catch (KafkaException e) {
                            LOG.log(Level.WARNING, "Kafka did not answer the topic listing; retrying", e);
                        }
                        lastRefresh = System.currentTimeMillis();
                    }
                    if (assigned.isEmpty()) {
                        if (listed && !caughtUp) {
                            caughtUp();
                        }
                        sleep(100);
                        continue;
                    }
                    ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(100));
                    long n = 0;
                    for (TopicPartition tp : records.partitions()) {
                        // per partition, so the topic's component is looked up once per batch, not per record
                        Source source = topics.get(tp.topic());
                        List<ConsumerRecord<String, byte[]>> batch = records.records(tp);
                        for (ConsumerRecord<String, byte[]> r : batch) {
                            n += apply(source, r) ? 1 : 0;
                        }
                        position.merge(tp, batch.get(batch.size() - 1).offset() + 1, Math::max);
                    }
                    applied += n;
                    if (lastTurn - lagAt >= LAG_NANOS) {
                        lag = lag(c, assigned);
                        lagAt = lastTurn;
                    }
                    if (!caughtUp && listed && caughtUp(c)) {
                        caughtUp();
                    }
                }
            } catch (WakeupException | InterruptException e) {
                // stopping
            } catch (Throwable e) {
                failure = e;
                LOG.log(Level.SEVERE, "Kafka reader " + index + " stopped; liveness reports DOWN", e);
            }
        }

        private Set<TopicPartition> refresh(KafkaConsumer<String, byte[]> c, Set<TopicPartition> assigned) {
            Set<TopicPartition> added = new HashSet<>();
            Map<String, List<PartitionInfo>> all = c.listTopics(Duration.ofSeconds(10));
            for (Map.Entry<String, List<PartitionInfo>> t : all.entrySet()) {
                if (!topics.containsKey(t.getKey())) {
                    continue;
                }
                for (PartitionInfo p : t.getValue()) {
                    TopicPartition tp = new TopicPartition(p.topic(), p.partition());
                    if (mine(tp) && assigned.add(tp)) {
                        added.add(tp);
                    }
                }
            }
            if (!added.isEmpty()) {
                c.assign(assigned);
                c.seekToBeginning(added);
            }
            return added;
        }

        /** The consumer is not thread-safe, so its lag is read here, on the reader's own thread. */
        private static long lag(KafkaConsumer<String, byte[]> c, Set<TopicPartition> assigned) {
            long sum = 0;
            for (TopicPartition tp : assigned) {
                sum += c.currentLag(tp).orElse(0);
            }
            return sum;
        }

        private void caughtUp() {
            cpuToCaughtUp = threadCpuMillis();
            caughtUp = true;
            readerCaughtUp();
        }

        private boolean caughtUp(KafkaConsumer<String, byte[]> c) {
            for (Map.Entry<TopicPartition, Long> e : startupEnd.entrySet()) {
                if (c.position(e.getKey()) < e.getValue()) {
                    return false;
                }
            }
            return true;
        }

        void wakeup() {
            KafkaConsumer<String, byte[]> c = consumer;
            if (c != null) {
                c.wakeup();
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True when the record was applied; false when it was skipped (and counted as rejected). */
    private boolean apply(Source source, ConsumerRecord<String, byte[]> r) {
        try {
            OrgCache.Outcome outcome;
            if (source.entity()) {
                String key = r.key();
                outcome = cache.applyEntity(source.component(), RecordKeys.resourceName(key), RecordKeys.identifier(key), r.value(),
                        EntityRecordCodec.lastModified(r));
            } else {
                outcome = cache.applyEdge(r.key(), r.value());
            }
            if (outcome == OrgCache.Outcome.INVALID || outcome == OrgCache.Outcome.UNKNOWN_TYPE) {
                reject(r, outcome.name(), null);
                return false;
            }
            return true;
        } catch (RuntimeException e) {
            // One bad record must not stop the organisation's cache.
            reject(r, "unreadable", e);
            return false;
        }
    }

    private void reject(ConsumerRecord<String, byte[]> r, String why, Exception e) {
        long n = rejected.incrementAndGet();
        if (n <= 100 || n % 10_000 == 0) {
            LOG.log(Level.WARNING, "Skipping record " + r.topic() + "/" + r.partition() + "@" + r.offset() + " (" + why + "; " + n + " skipped so far)", e);
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        readers.forEach(Reader::wakeup);
    }
}
