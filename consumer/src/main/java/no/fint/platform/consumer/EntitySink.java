package no.fint.platform.consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import no.fint.platform.model.Component;
import no.fint.platform.model.InformationModel;
import no.fint.platform.records.EntityRecord;
import no.fint.platform.records.RecordKeys;
import no.fint.platform.records.Topics;
import no.fint.platform.service.EntityRecordCodec;
import no.fint.platform.service.KafkaSettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads this organisation's entity topics from the beginning into the {@link ResourceCache}
 * ("sink" out of Kafka) and keeps following them. Ready once every partition that existed at start
 * has been read up to its end offset at that moment; never unready again on later lag.
 */
@ApplicationScoped
public class EntitySink {

    private static final Logger LOG = Logger.getLogger(EntitySink.class.getName());
    private static final long REFRESH_MS = 2_000;

    private final Map<TopicPartition, Long> startupEnd = new HashMap<>();
    private final Map<String, Component> topicComponents = new HashMap<>();
    private ConsumerSettings settings;
    private KafkaSettings kafka;
    private InformationModel model;
    private ResourceCache cache;
    private volatile boolean ready;
    private volatile boolean running = true;
    private volatile Thread thread;
    private volatile Throwable failure;

    /** For CDI. */
    protected EntitySink() {
    }

    @Inject
    public EntitySink(ConsumerSettings settings, KafkaSettings kafka, InformationModel model, ResourceCache cache) {
        this.settings = settings;
        this.kafka = kafka;
        this.model = model;
        this.cache = cache;
        settings.components().forEach(c -> topicComponents.put(Topics.entity(settings.orgId(), c), c));
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        Thread t = new Thread(this::run, "entity-sink-" + settings.orgId());
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    public boolean ready() {
        return ready;
    }

    /** False when the reading thread has died. */
    public boolean alive() {
        Thread t = thread;
        return t != null && t.isAlive() && failure == null;
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(kafka.reader("fint-consumer-" + settings.orgId()))) {
            Set<TopicPartition> assigned = new HashSet<>();
            long lastRefresh = 0;
            boolean first = true;
            while (running) {
                if (System.currentTimeMillis() - lastRefresh > REFRESH_MS) {
                    Set<TopicPartition> added = refresh(consumer, assigned);
                    if (first) {
                        startupEnd.putAll(consumer.endOffsets(added));
                        first = false;
                    }
                    lastRefresh = System.currentTimeMillis();
                }
                if (assigned.isEmpty()) {
                    ready = true; // no topic of ours existed at start: nothing to rebuild
                    sleep(200);
                    continue;
                }
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                for (ConsumerRecord<String, byte[]> r : records) {
                    apply(r);
                }
                if (!ready && caughtUp(consumer)) {
                    ready = true;
                    LOG.info(() -> "Cache rebuilt from Kafka; ready");
                }
            }
        } catch (RuntimeException e) {
            failure = e;
            LOG.log(Level.SEVERE, "Entity sink stopped", e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Set<TopicPartition> refresh(KafkaConsumer<String, byte[]> consumer, Set<TopicPartition> assigned) {
        Set<TopicPartition> added = new HashSet<>();
        Map<String, List<PartitionInfo>> topics = consumer.listTopics(Duration.ofSeconds(10));
        for (Map.Entry<String, List<PartitionInfo>> t : topics.entrySet()) {
            if (!topicComponents.containsKey(t.getKey())) {
                continue;
            }
            for (PartitionInfo p : t.getValue()) {
                TopicPartition tp = new TopicPartition(p.topic(), p.partition());
                if (assigned.add(tp)) {
                    added.add(tp);
                }
            }
        }
        if (!added.isEmpty()) {
            consumer.assign(assigned);
            consumer.seekToBeginning(added);
        }
        return added;
    }

    private boolean caughtUp(KafkaConsumer<String, byte[]> consumer) {
        for (Map.Entry<TopicPartition, Long> e : startupEnd.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        Component component = topicComponents.get(r.topic());
        try {
            EntityRecord record = EntityRecordCodec.fromKafka(settings.orgId(), component, r);
            model.resource(component, record.resourceName()).ifPresentOrElse(
                    type -> cache.apply(type, record),
                    () -> LOG.warning(() -> "Skipping record of unknown resource " + RecordKeys.resourceName(r.key()) + " in " + r.topic()));
        } catch (RuntimeException e) {
            // One bad record must not stop the organisation's cache.
            LOG.log(Level.WARNING, "Skipping unreadable record " + r.topic() + "/" + r.partition() + "@" + r.offset(), e);
        }
    }

    @PreDestroy
    void stop() {
        running = false;
    }
}
