package no.fint.platform.relations.service;

import io.helidon.logging.common.HelidonMdc;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import no.fint.platform.records.Topics;
import no.fint.platform.relations.Edge;
import no.fint.platform.relations.EdgeDiff;
import no.fint.platform.relations.EdgeValue;
import no.fint.platform.relations.RelationState;
import no.fint.platform.relations.SourceEdges;
import no.fint.platform.service.KafkaSettings;
import no.fint.platform.service.OrgLogFormatter;
import no.fint.platform.service.TopicAdmin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;

/**
 * Kafka in, diff, Kafka out, on one thread that owns the state.
 *
 * <p><b>Rebuild</b> (at start, and again after a write Kafka did not acknowledge): read every relation
 * topic to its end (what Kafka holds), read every entity topic from the beginning to its end (what the
 * sources imply, latest version per source by last-modified), write exactly the difference, wait for
 * the acknowledgements. Nothing is written while reading, so a replay never flaps an edge, and a
 * restart at any point converges to the same edges: none lost, none invented, none written twice.
 *
 * <p><b>Live</b>: entity records arrive through MicroProfile Reactive Messaging ({@link EntityChannel})
 * and are applied one by one: derive the source's edges, diff against its previous edges, send the
 * difference. Records at offsets the rebuild already covered are skipped.
 */
@ApplicationScoped
public class RelationsEngine {

    private static final Logger LOG = Logger.getLogger(RelationsEngine.class.getName());
    private static final long MAX_BACKOFF_MS = 30_000;

    private KafkaSettings kafka;
    private SourceReader reader;
    private EdgeSource edges;
    private RelationsMetrics metrics;
    private BlockingQueue<ConsumerRecord<String, byte[]>> queue;

    /** Last offset applied (or covered by the rebuild) per entity partition; shared with tests and health. */
    private final Map<TopicPartition, Long> applied = new ConcurrentHashMap<>();
    private volatile RelationState state = new RelationState();
    private volatile boolean running = true;
    private volatile boolean rebuilt;
    private volatile Thread thread;
    private volatile Throwable died;
    private volatile double lastRebuildSeconds;
    private volatile double relationSeconds;

    /** For CDI. */
    protected RelationsEngine() {
    }

    @Inject
    public RelationsEngine(KafkaSettings kafka, SourceReader reader, EdgeSource edges, RelationsMetrics metrics,
                           @ConfigProperty(name = "fint.relations.queue-size", defaultValue = "20000") int queueSize) {
        this.kafka = kafka;
        this.reader = reader;
        this.edges = edges;
        this.metrics = metrics;
        this.queue = new ArrayBlockingQueue<>(queueSize);
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        metrics.gauges(() -> state.edgeCount(), () -> (long) state.sources(), () -> lastRebuildSeconds);
        Thread t = new Thread(this::run, "relations-engine");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** True once the start-up rebuild is done (stays true). */
    public boolean rebuilt() {
        return rebuilt;
    }

    /** False when the engine thread has died. */
    public boolean alive() {
        Thread t = thread;
        return t != null && t.isAlive() && died == null;
    }

    /** The last offset of an entity partition that is applied (or was covered by a rebuild), or -1. */
    public long appliedThrough(String topic, int partition) {
        return applied.getOrDefault(new TopicPartition(topic, partition), -1L);
    }

    /** Waits until every edge sent so far is acknowledged (or failed). */
    public void flush() {
        edges.flush();
    }

    /** Called by the messaging channel; blocks while the queue is full (back-pressure on the connector). */
    void offer(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        while (running) {
            if (queue.offer(record, 200, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    private void run() {
        long backoff = 500;
        try {
            while (running) {
                try {
                    rebuild();
                    backoff = 500;
                    live();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    if (!running) {
                        return;
                    }
                    LOG.log(Level.WARNING, "Rebuild from Kafka failed; retrying in " + backoff + " ms", e);
                    Thread.sleep(backoff);
                    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            died = t;
            LOG.log(Level.SEVERE, "Relations engine stopped", t);
        }
    }

    /** Makes the relation topics hold exactly the edges the entity topics imply. */
    private void rebuild() throws Exception {
        long started = System.nanoTime();
        edges.reset();
        // What Kafka holds and what the sources imply are read side by side (two cores, two readers).
        long t0 = System.nanoTime();
        java.util.concurrent.CompletableFuture<RelationState> writtenRead = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            RelationState w = new RelationState();
            Map<String, no.fint.platform.model.Component> components = new java.util.HashMap<>();
            TopicsToEnd.read(kafka, "fint-relations-rebuild", Topics.ANY_RELATION, r -> restore(w, components, r), () -> running);
            relationSeconds = (System.nanoTime() - t0) / 1e9;
            return w;
        }, runnable -> {
            Thread t = new Thread(runnable, "relations-rebuild-reader");
            t.setDaemon(true);
            t.start();
        });
        RelationState desired = new RelationState();
        long t1 = System.nanoTime();
        Map<TopicPartition, Long> entityEnds = TopicsToEnd.read(kafka, "fint-relations-catch-up", Topics.ANY_ENTITY,
                r -> apply(desired, r, null, !rebuilt), () -> running);
        double entitySeconds = (System.nanoTime() - t1) / 1e9;
        RelationState written;
        try {
            written = writtenRead.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : new IllegalStateException(e.getCause());
        }
        if (!running) {
            return;
        }
        long t2 = System.nanoTime();
        long[] changes = new long[1];
        Exception[] topicFailure = new Exception[1];
        RelationState.reconcile(written, desired, (source, diff) -> {
            if (topicFailure[0] == null) {
                try {
                    edges.send(source.org(), diff);
                    changes[0] += diff.size();
                } catch (TopicAdmin.TopicException e) {
                    topicFailure[0] = e;
                }
            }
        });
        edges.flush();
        if (topicFailure[0] != null) {
            throw topicFailure[0];
        }
        if (edges.failure() != null) {
            throw new IllegalStateException("Kafka did not acknowledge the reconciled edges", edges.failure());
        }
        state = desired;
        entityEnds.forEach((tp, position) -> applied.merge(tp, position - 1, Math::max));
        lastRebuildSeconds = (System.nanoTime() - started) / 1e9;
        metrics.rebuilt();
        LOG.info(String.format("Rebuilt from Kafka in %.1f s (relation topics %.1f s and entity topics %.1f s side by side, "
                        + "writing %.1f s): %d entity partitions, %d sources, %d edges, %d records written",
                lastRebuildSeconds, relationSeconds, entitySeconds, (System.nanoTime() - t2) / 1e9,
                entityEnds.size(), desired.sources(), desired.edgeCount(), changes[0]));
        rebuilt = true;
    }

    private void live() throws Exception {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(1024);
        RelationState s = state;
        while (running) {
            ConsumerRecord<String, byte[]> first = queue.poll(100, TimeUnit.MILLISECONDS);
            if (first != null) {
                batch.add(first);
                queue.drainTo(batch, 1023);
                for (ConsumerRecord<String, byte[]> r : batch) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    Long last = applied.get(tp);
                    if (last != null && r.offset() <= last) {
                        continue; // the rebuild (or an earlier delivery) covered it
                    }
                    apply(s, r, edges, true);
                    applied.put(tp, r.offset());
                }
                batch.clear();
            }
            if (edges.failure() != null) {
                LOG.warning("Rebuilding the state from Kafka after a failed write");
                return;
            }
        }
    }

    /**
     * Applies one entity record to a state, sending the difference when {@code out} is given; counts and
     * logs what it finds when {@code report} (not when a later rebuild reads the same record again).
     */
    private void apply(RelationState target, ConsumerRecord<String, byte[]> r, EdgeSource out, boolean report) {
        SourceReader.SourceVersion v;
        try {
            v = reader.read(r);
        } catch (SourceReader.PoisonException e) {
            if (report) {
                poison(r, e);
            }
            return;
        }
        if (v == null) {
            return;
        }
        String org = v.source().org();
        if (report) {
            report(org, r, v);
        }
        EdgeDiff diff = target.apply(v.source(), v.lastModified(), v.edges());
        if (diff == null) {
            if (report) {
                metrics.staleVersion(org);
            }
            return;
        }
        if (out != null && !diff.isEmpty()) {
            try {
                out.send(org, diff);
            } catch (TopicAdmin.TopicException e) {
                // Treated like an unacknowledged write: the rebuild makes Kafka and the state agree again.
                out.failed(e);
            }
        }
    }

    private void report(String org, ConsumerRecord<String, byte[]> r, SourceReader.SourceVersion v) {
        metrics.record(org);
        for (SourceEdges.IgnoredLink link : v.edges().ignored()) {
            long n = metrics.ignoredLink(org);
            if (n <= 20 || n % 1000 == 0) {
                log(org, Level.INFO, "Link ignored (" + link.reason() + "): " + v.source().component() + " "
                        + printable(r.key()) + " " + link.relation() + " -> " + link.href() + " (" + n + " so far)");
            }
        }
    }

    private void poison(ConsumerRecord<String, byte[]> r, SourceReader.PoisonException e) {
        String org = SourceReader.orgPart(r.topic());
        if (org == null) {
            org = "-";
        }
        long n = metrics.poison(org, e.reason());
        if (n <= 100 || n % 1000 == 0) {
            log(org, Level.WARNING, "Skipping poison record (" + e.getMessage() + ") " + r.topic() + "/" + r.partition()
                    + "@" + r.offset() + " key=" + printable(r.key()) + " (" + n + " so far)");
        }
    }

    private static void log(String org, Level level, String message) {
        HelidonMdc.set(OrgLogFormatter.ORG, org);
        try {
            LOG.log(level, message);
        } finally {
            HelidonMdc.remove(OrgLogFormatter.ORG);
        }
    }

    private static String printable(String key) {
        return key == null ? "null" : key.replace('\u001F', '|');
    }

    private static void restore(RelationState written, Map<String, no.fint.platform.model.Component> components,
                                ConsumerRecord<String, byte[]> r) {
        try {
            no.fint.platform.model.Component target = components.computeIfAbsent(r.topic(), t -> {
                Matcher m = Topics.ANY_RELATION.matcher(t);
                return m.matches() ? no.fint.platform.model.Component.parse(m.group(2)) : null;
            });
            if (target == null) {
                return;
            }
            String org = r.topic().substring(0, r.topic().indexOf('.'));
            Edge e = Edge.parse(target, r.key());
            RelationState.SourceId source = new RelationState.SourceId(org, e.sourceComponent(), e.sourceKey());
            if (r.value() == null) {
                written.forget(source, e);
            } else {
                written.restore(source, e, EdgeValue.decode(r.value()));
            }
        } catch (IllegalArgumentException e) {
            LOG.warning("Ignoring a record on " + r.topic() + " that is not an edge: key=" + printable(r.key()) + " (" + e.getMessage() + ")");
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
