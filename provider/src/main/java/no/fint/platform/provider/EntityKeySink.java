package no.fint.platform.provider;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.fint.platform.records.RecordHeaders;
import no.fint.platform.service.EntityRecordCodec;
import no.fint.platform.service.KafkaSettings;
import no.fint.platform.sync.KeyIndex;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Keeps the {@link KeyIndex} of an entity topic (every key with its latest last-modified, writer
 * corrId and deleted flag), built by reading the topic from Kafka, for the stale deletion of
 * completed full syncs.
 *
 * <p>Memory and work stay bounded: the index of a topic is kept after a scan (with the offsets it
 * reached), so the next completed full sync of the same component reads only what was written
 * since instead of the whole topic again; the most recently used indexes are kept up to
 * {@code fint.provider.key-index.topics} (default 16) topics and {@code fint.provider.key-index.keys}
 * (default 2,000,000) keys in all, the others are dropped and rebuilt from the beginning when
 * needed ({@link KeyIndexCache}). Values are never copied (only whether a record is a tombstone
 * matters). See {@link KeyIndex} for the memory per key (about 55-80 MB per million keys).
 *
 * <p>Records this provider writes are queued as Kafka acknowledges them ({@link #written}) and put
 * into their kept index by the next scan, each that is the next offset the index expects on its
 * partition, so a scan mostly finds little left to read back; a record written by anyone else
 * (another provider instance) leaves a gap there, and from the gap on that partition is read from
 * Kafka as before.
 */
@ApplicationScoped
public class EntityKeySink {

    private KafkaSettings settings;
    private KafkaConsumer<byte[], Boolean> consumer;
    private KeyIndexCache<TopicIndex> cache;
    /** Guards the consumer and every index. */
    private final ReentrantLock lock = new ReentrantLock();
    /** Acknowledged records of this provider, waiting for the next scan ({@link #written}). */
    private final ConcurrentLinkedQueue<Written> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private int maxPending;

    /** For CDI. */
    protected EntityKeySink() {
    }

    @Inject
    public EntityKeySink(KafkaSettings settings,
                         @ConfigProperty(name = "fint.provider.key-index.topics", defaultValue = "16") int topics,
                         @ConfigProperty(name = "fint.provider.key-index.keys", defaultValue = "2000000") long keys,
                         @ConfigProperty(name = "fint.provider.key-index.pending", defaultValue = "200000") int pending) {
        this.settings = settings;
        this.maxPending = Math.max(0, pending);
        this.cache = new KeyIndexCache<>(topics, keys, t -> t.index().size());
    }

    /** A topic's index and how far it has read each partition. */
    private record TopicIndex(KeyIndex index, Map<TopicPartition, Long> positions) {
    }

    /** Value deserializer that reports only whether a value is there: tombstone detection without copying values. */
    static final class Presence implements Deserializer<Boolean> {
        @Override
        public Boolean deserialize(String topic, byte[] data) {
            return data != null;
        }

        @Override
        public Boolean deserialize(String topic, Headers headers, ByteBuffer data) {
            return data != null;
        }
    }

    /**
     * Brings the index of {@code topic} up to the topic's current end (full record keys) and returns
     * what {@code read} makes of it; {@code read} runs while nothing else changes the index.
     */
    public <T> T scan(String topic, Function<KeyIndex, T> read) throws Unavailable {
        lock.lock();
        try {
            drainWritten();
            return read.apply(scanLocked(topic));
        } finally {
            lock.unlock();
        }
    }

    /**
     * A record this provider wrote to {@code topic} and Kafka acknowledged at {@code offset}. Runs on
     * the producer's thread, so it only queues it (never waits, never throws); the next scan puts the
     * queued records into their topic's index first, each one that is the offset the index expects
     * next on its partition (Kafka acknowledges one partition's records in order), and reads from
     * Kafka only what is left. At most {@code fint.provider.key-index.pending} records wait; one that
     * does not fit is left to the read from Kafka like another writer's.
     */
    public void written(String topic, int partition, long offset, String key, long lastModified, int corrHash, boolean tombstone) {
        if (offset < 0) {
            return;
        }
        if (pendingCount.incrementAndGet() > maxPending) {
            pendingCount.decrementAndGet();
            return;
        }
        pending.add(new Written(topic, partition, offset, key, lastModified, corrHash, tombstone));
    }

    /** Records waiting for the next scan. */
    int pendingCount() {
        return pendingCount.get();
    }

    /** A record this provider wrote, as the index takes it. */
    private record Written(String topic, int partition, long offset, String key, long lastModified, int corrHash, boolean tombstone) {
    }

    /** Puts the queued records into the kept indexes, each where it is the next offset of its partition. */
    private void drainWritten() {
        for (Written w; (w = pending.poll()) != null; ) {
            pendingCount.decrementAndGet();
            TopicIndex ti = cache.get(w.topic());
            if (ti == null) {
                continue; // no index yet: its first scan reads the topic from the beginning
            }
            TopicPartition tp = new TopicPartition(w.topic(), w.partition());
            Long next = ti.positions().get(tp);
            if (next != null && next == w.offset()) {
                ti.index().put(w.key(), w.lastModified(), w.corrHash(), w.tombstone());
                ti.positions().put(tp, w.offset() + 1);
            }
        }
    }

    private KeyIndex scanLocked(String topic) throws Unavailable {
        try {
            if (consumer == null) {
                Map<String, Object> props = new HashMap<>(settings.reader("fint-provider-key-index"));
                props.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
                props.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
                // Keys stay the UTF-8 bytes Kafka holds (the index keeps bytes): no String per record.
                consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new Presence());
            }
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(15));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("Topic " + topic + " has no partitions (missing?)");
            }
            List<TopicPartition> parts = new ArrayList<>();
            infos.forEach(i -> parts.add(new TopicPartition(topic, i.partition())));
            TopicIndex ti = cache.get(topic);
            if (ti == null || !ti.positions().keySet().equals(new java.util.HashSet<>(parts))) {
                ti = new TopicIndex(new KeyIndex(), new HashMap<>());
                for (TopicPartition p : parts) {
                    ti.positions().put(p, 0L);
                }
                cache.put(topic, ti);
            }
            consumer.assign(parts);
            for (TopicPartition p : parts) {
                consumer.seek(p, ti.positions().get(p));
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(parts, Duration.ofSeconds(15));
            KeyIndex index = ti.index();
            long lastProgress = System.nanoTime();
            // The records of one page share their corrId: decode and hash it once per run of equal bytes.
            byte[] lastCorr = null;
            int lastCorrHash = KeyIndex.corrHash(null);
            while (!caughtUp(parts, end)) {
                ConsumerRecords<byte[], Boolean> batch = consumer.poll(Duration.ofMillis(500));
                if (batch.isEmpty()) {
                    if (System.nanoTime() - lastProgress > Duration.ofSeconds(60).toNanos()) {
                        throw new IllegalStateException("No progress reading " + topic + " for 60 s");
                    }
                    continue;
                }
                lastProgress = System.nanoTime();
                for (ConsumerRecord<byte[], Boolean> r : batch) {
                    if (r.key() == null) {
                        continue;
                    }
                    long lastModified = EntityRecordCodec.lastModified(r);
                    Header corr = r.headers().lastHeader(RecordHeaders.CORR_ID);
                    byte[] corrBytes = corr == null ? null : corr.value();
                    int corrHash;
                    if (corrBytes != null && lastCorr != null && java.util.Arrays.equals(corrBytes, lastCorr)) {
                        corrHash = lastCorrHash;
                    } else {
                        corrHash = KeyIndex.corrHash(corrBytes == null ? null : RecordHeaders.decodeString(corrBytes));
                        lastCorr = corrBytes;
                        lastCorrHash = corrHash;
                    }
                    index.put(r.key(), lastModified, corrHash, r.value() == null || !r.value());
                }
            }
            for (TopicPartition p : parts) {
                ti.positions().put(p, consumer.position(p));
            }
            cache.trim();
            return index;
        } catch (RuntimeException e) {
            cache.remove(topic); // read half-way: rebuild from the beginning next time
            closeLocked();
            throw new Unavailable("Cannot read " + topic + ": " + e.getMessage(), e);
        }
    }

    private boolean caughtUp(List<TopicPartition> parts, Map<TopicPartition, Long> end) {
        for (TopicPartition p : parts) {
            if (consumer.position(p) < end.get(p)) {
                return false;
            }
        }
        return true;
    }

    @PreDestroy
    void close() {
        lock.lock();
        try {
            closeLocked();
        } finally {
            lock.unlock();
        }
    }

    private void closeLocked() {
        if (consumer != null) {
            try {
                consumer.close(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                // closing anyway
            }
            consumer = null;
        }
    }
}
