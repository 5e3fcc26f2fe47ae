package no.fint.platform.bench;

import no.fint.platform.broker.EmbeddedKafka;
import no.fint.platform.contract.ServiceProcess;
import no.fint.platform.demo.DataSet;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ResourceType;
import no.fint.platform.records.EntityRecord;
import no.fint.platform.records.RecordKeys;
import no.fint.platform.records.Topics;
import no.fint.platform.relations.Edge;
import no.fint.platform.relations.EdgeDerivation;
import no.fint.platform.relations.RelationRules;
import no.fint.platform.relations.SourceEdges;
import no.fint.platform.service.EntityRecordCodec;
import no.fint.platform.service.KafkaSettings;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code ./fint bench relations}: the relations service (its packaged jar, its own process) against a
 * real broker, fed the MEDIUM demo data set straight into the entity topics as the provider writes them.
 *
 * <ol>
 *   <li>Visibility: from the end of the ingest until every inverse link the data implies is on the
 *       relation topics (the consumer's merge is another issue; visibility is measured on the topics).
 *       Baseline: the ingest itself.</li>
 *   <li>Delay: steady delta traffic (elevforhold moving school, klassemedlemskap moving klasse); for
 *       each new edge the time from sending the owning change to the edge on the relation topic.
 *       Baseline: the same traffic's own entity records read back by a plain consumer (Kafka's floor).</li>
 *   <li>Restart: the service restarted on the ingested data, time until ready (rebuild done).
 *       Baseline: one plain read of every entity topic.</li>
 * </ol>
 * Arguments: {@code [--size small|medium|large] [--rate changes-per-second] [--seconds N]}.
 */
public final class RelationsBenchmark implements Benchmark {

    private static final String ORG = "bench.no";
    /** Kept so the level sticks: the in-process broker logs every step at INFO. */
    private static final List<java.util.logging.Logger> QUIET = Stream.of("kafka", "org.apache.kafka", "state.change.logger")
            .map(java.util.logging.Logger::getLogger).toList();
    private static final Pattern RELATION_TOPICS = Pattern.compile(Pattern.quote(Topics.orgPart(ORG)) + "\\.fint-core\\.relation\\..+");

    @Override
    public String name() {
        return "relations";
    }

    @Override
    public String description() {
        return "inverse links: visible after a MEDIUM ingest, p99 delay under delta traffic, restart";
    }

    @Override
    public void run(List<String> args, Report report) throws Exception {
        QUIET.forEach(l -> l.setLevel(java.util.logging.Level.WARNING));
        DataSet.Size size = DataSet.Size.valueOf(arg(args, "--size", "medium").toUpperCase());
        int rate = Integer.parseInt(arg(args, "--rate", "200"));
        int seconds = Integer.parseInt(arg(args, "--seconds", "20"));
        DataSet data = DataSet.of(size, 1);
        InformationModel model = InformationModel.load();
        EdgeDerivation derivation = new EdgeDerivation(model, RelationRules.of(model));

        Path dir = Files.createTempDirectory("fint-bench-relations-");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0)) {
            KafkaSettings settings = new KafkaSettings(kafka.bootstrapServers(), 3, (short) 1);
            Map<String, String> config = Map.of("fint.kafka.bootstrap-servers", kafka.bootstrapServers());
            createEntityTopics(settings, data);

            System.out.println("bench relations: deriving the expected edges of " + data.totalSize() + " resources (" + size + ")");
            Set<String> expected = new HashSet<>();
            for (ResourceType type : data.types()) {
                for (Iterator<DataSet.Entry> it = data.entries(type); it.hasNext(); ) {
                    DataSet.Entry e = it.next();
                    edges(derivation, type, e).forEach(edge -> expected.add(topicKey(edge)));
                }
            }
            System.out.println("bench relations: " + expected.size() + " edges expected; starting the relations service");

            ServiceProcess relations = ServiceProcess.start("bench-relations", "relations", config);
            EdgeReader reader = new EdgeReader(settings, expected);
            Thread readerThread = new Thread(reader, "bench-edge-reader");
            readerThread.setDaemon(true);
            readerThread.start();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings.producer("bench-ingest"))) {
                // 1. Ingest and visibility.
                long ingestStart = System.nanoTime();
                int sent = 0;
                for (ResourceType type : data.types()) {
                    for (Iterator<DataSet.Entry> it = data.entries(type); it.hasNext(); ) {
                        DataSet.Entry e = it.next();
                        producer.send(record(type, e, "FULL"));
                        sent++;
                    }
                }
                producer.flush();
                long ingestEnd = System.nanoTime();
                double ingestSeconds = (ingestEnd - ingestStart) / 1e9;
                System.out.printf("bench relations: %d resources ingested in %.1f s; waiting for the edges%n", sent, ingestSeconds);
                long complete = reader.awaitComplete(TimeUnit.MINUTES.toNanos(10));
                double visible = Math.max(0, (complete - ingestEnd) / 1e9);
                double all = (complete - ingestStart) / 1e9;
                report.figure("resources ingested (" + size + ")", sent, "resources");
                report.figure("inverse links expected = seen", expected.size(), "edges");
                report.figure("unexpected edges seen", reader.unexpected(), "edges");
                report.compare("ingest start to every edge visible", all, "ingest", ingestSeconds, "s", Double.NaN);
                report.target("every inverse link visible after ingest", visible, "s", 30, true);

                // 2. Steady delta traffic: delay from the owning change to its new edge.
                Histogram relationDelay = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
                Histogram kafkaFloor = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
                deltaTraffic(data, derivation, producer, reader, settings, rate, seconds, relationDelay, kafkaFloor);
                double p99 = relationDelay.getValueAtPercentile(99) / 1000.0;
                double floor = kafkaFloor.getValueAtPercentile(99) / 1000.0;
                report.figure("delta changes with a new edge", relationDelay.getTotalCount(), "edges");
                report.figure("delay p50", relationDelay.getValueAtPercentile(50) / 1000.0, "ms");
                report.compare("delay p99, change to edge", p99, "Kafka p99 produce-to-consume", floor, "ms", Double.NaN);
                report.figure("delay max", relationDelay.getMaxValue() / 1000.0, "ms");
                report.target("delay p99", p99 / 1000.0, "s", 1, true);
            }
            readerThread.interrupt();

            // 3. Restart on the ingested data.
            relations.close();
            double rawRead = readAllEntities(settings);
            long restartStart = System.nanoTime();
            relations = ServiceProcess.start("bench-relations-restart", "relations", config);
            double restart = (System.nanoTime() - restartStart) / 1e9;
            double rebuild = gauge(relations.url() + "/metrics", "fint_relations_rebuild_seconds");
            report.compare("rebuild after restart (relation + entity topics)", rebuild, "plain read of every entity topic", rawRead, "s", Double.NaN);
            report.figure("restart to ready (JVM start and rebuild)", restart, "s");
            relations.close();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temp dir left behind
            }
        }
    }

    private static void deltaTraffic(DataSet data, EdgeDerivation derivation, KafkaProducer<String, byte[]> producer,
                                     EdgeReader reader, KafkaSettings settings, int rate, int seconds,
                                     Histogram relationDelay, Histogram kafkaFloor) throws Exception {
        List<ResourceType> moving = List.of(data.type("/utdanning/elev/elevforhold"), data.type("/utdanning/elev/klassemedlemskap"));
        Map<String, Integer> versions = new HashMap<>();
        FloorReader floor = new FloorReader(settings, kafkaFloor);
        Thread floorThread = new Thread(floor, "bench-floor-reader");
        floorThread.setDaemon(true);
        floorThread.start();
        floor.awaitAssigned();
        reader.measure(relationDelay);
        java.util.Random random = new java.util.Random(42);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        long next = start;
        int changes = 0;
        while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(seconds)) {
            ResourceType type = moving.get(changes % moving.size());
            int index = random.nextInt(data.count(type));
            String id = type.path() + index;
            int version = versions.getOrDefault(id, 0);
            DataSet.Entry before = data.changed(type, index, version);
            DataSet.Entry after = data.changed(type, index, version + 1);
            versions.put(id, version + 1);
            Set<String> added = new HashSet<>();
            edges(derivation, type, after).forEach(e -> added.add(topicKey(e)));
            edges(derivation, type, before).forEach(e -> added.remove(topicKey(e)));
            long now = System.nanoTime();
            added.forEach(k -> reader.expectAt(k, now));
            producer.send(record(type, after, "DELTA"));
            producer.send(new ProducerRecord<>(FloorReader.TOPIC, String.valueOf(now), new byte[0]));
            changes++;
            next += interval;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
        }
        producer.flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (reader.pending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (reader.pending() > 0) {
            System.out.println("bench relations: " + reader.pending() + " new edges never appeared within 30 s");
        }
        floorThread.interrupt();
        System.out.println("bench relations: " + changes + " delta changes sent at " + rate + "/s");
    }

    private static Set<Edge> edges(EdgeDerivation derivation, ResourceType type, DataSet.Entry e) {
        try {
            return derivation.derive(type, RecordKeys.entity(type.name(), e.identifier()), e.identifier(), e.json()).edges();
        } catch (no.fint.platform.relations.UnreadableResourceException x) {
            throw new IllegalStateException("The data set wrote unreadable JSON for " + type, x);
        }
    }

    private static String topicKey(Edge e) {
        return Topics.relation(ORG, e.targetComponent()) + ' ' + e.key();
    }

    private static ProducerRecord<String, byte[]> record(ResourceType type, DataSet.Entry e, String syncType) {
        return EntityRecordCodec.toKafka(new EntityRecord(ORG, type.component(), type.name(), e.identifier(), e.json(),
                System.currentTimeMillis(), syncType, "bench"));
    }

    private static void createEntityTopics(KafkaSettings settings, DataSet data) throws Exception {
        try (Admin admin = Admin.create(settings.admin("bench"))) {
            List<NewTopic> topics = new ArrayList<>();
            data.components().forEach(c -> topics.add(new NewTopic(Topics.entity(ORG, c), 3, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));
            topics.add(new NewTopic(FloorReader.TOPIC, 3, (short) 1));
            admin.createTopics(topics).all().get();
        }
    }

    /** Seconds one plain consumer needs to read every entity topic of the organisation to its end. */
    private static double readAllEntities(KafkaSettings settings) {
        long start = System.nanoTime();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(settings.reader("bench-raw-read"))) {
            List<TopicPartition> tps = new ArrayList<>();
            for (Map.Entry<String, List<PartitionInfo>> t : c.listTopics(Duration.ofSeconds(10)).entrySet()) {
                if (Topics.entityPattern(ORG).matcher(t.getKey()).matches()) {
                    t.getValue().forEach(p -> tps.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            c.assign(tps);
            c.seekToBeginning(tps);
            Map<TopicPartition, Long> end = c.endOffsets(tps);
            long bytes = 0;
            while (tps.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    bytes += r.value() == null ? 0 : r.value().length;
                }
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** A gauge's value from a Prometheus text page, NaN when missing. */
    private static double gauge(String url, String name) {
        String page = no.fint.platform.contract.Http.get(url).body();
        return page.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElse(Double.NaN);
    }

    private static String arg(List<String> args, String name, String def) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : def;
    }

    /** Follows the organisation's relation topics (assigning new ones as they appear), edge by edge. */
    static final class EdgeReader implements Runnable {
        private final KafkaSettings settings;
        private final Set<String> expected;
        private final Set<String> live = new HashSet<>();
        private final Map<String, Long> pending = new ConcurrentHashMap<>();
        private final AtomicLong unexpected = new AtomicLong();
        private volatile long completeAt;
        private volatile Histogram delays;
        private int matched;

        EdgeReader(KafkaSettings settings, Set<String> expected) {
            this.settings = settings;
            this.expected = expected;
        }

        @Override
        public void run() {
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(settings.reader("bench-edge-reader"))) {
                Set<TopicPartition> assigned = new HashSet<>();
                long lastList = 0;
                while (!Thread.currentThread().isInterrupted()) {
                    if (System.nanoTime() - lastList > TimeUnit.MILLISECONDS.toNanos(200)) {
                        List<TopicPartition> added = new ArrayList<>();
                        for (Map.Entry<String, List<PartitionInfo>> t : c.listTopics(Duration.ofSeconds(10)).entrySet()) {
                            if (RELATION_TOPICS.matcher(t.getKey()).matches()) {
                                t.getValue().forEach(p -> {
                                    TopicPartition tp = new TopicPartition(p.topic(), p.partition());
                                    if (assigned.add(tp)) {
                                        added.add(tp);
                                    }
                                });
                            }
                        }
                        if (!added.isEmpty()) {
                            c.assign(assigned);
                            c.seekToBeginning(added);
                        }
                        lastList = System.nanoTime();
                    }
                    if (assigned.isEmpty()) {
                        Thread.sleep(50);
                        continue;
                    }
                    for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(5))) {
                        long now = System.nanoTime();
                        String key = r.topic() + ' ' + r.key();
                        if (r.value() == null) {
                            if (live.remove(key) && expected.contains(key)) {
                                matched--;
                            }
                            continue;
                        }
                        if (live.add(key)) {
                            if (expected.contains(key)) {
                                matched++;
                            } else if (completeAt == 0) {
                                unexpected.incrementAndGet();
                            }
                        }
                        Long sentAt = pending.remove(key);
                        Histogram h = delays;
                        if (sentAt != null && h != null) {
                            h.recordValue(Math.max(0, (now - sentAt) / 1000));
                        }
                    }
                    if (completeAt == 0 && matched == expected.size()) {
                        completeAt = System.nanoTime();
                    }
                }
            } catch (InterruptedException | org.apache.kafka.common.errors.InterruptException e) {
                // done
            }
        }

        long awaitComplete(long timeoutNanos) throws InterruptedException {
            long deadline = System.nanoTime() + timeoutNanos;
            while (completeAt == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + matched + " of " + expected.size() + " edges appeared");
                }
                Thread.sleep(10);
            }
            return completeAt;
        }

        long unexpected() {
            return unexpected.get();
        }

        void measure(Histogram h) {
            delays = h;
        }

        void expectAt(String key, long nanos) {
            pending.put(key, nanos);
        }

        int pending() {
            return pending.size();
        }
    }

    /** Kafka's own floor: the same traffic's probe records, produce to consume, with a plain consumer. */
    static final class FloorReader implements Runnable {
        static final String TOPIC = "bench-relations-floor";
        private final KafkaSettings settings;
        private final Histogram histogram;
        private volatile boolean assigned;

        FloorReader(KafkaSettings settings, Histogram histogram) {
            this.settings = settings;
            this.histogram = histogram;
        }

        @Override
        public void run() {
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(settings.reader("bench-floor"))) {
                List<TopicPartition> tps = c.partitionsFor(TOPIC).stream().map(p -> new TopicPartition(TOPIC, p.partition())).toList();
                c.assign(tps);
                c.seekToEnd(tps);
                tps.forEach(c::position);
                assigned = true;
                while (!Thread.currentThread().isInterrupted()) {
                    for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(5))) {
                        histogram.recordValue(Math.max(0, (System.nanoTime() - Long.parseLong(r.key())) / 1000));
                    }
                }
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                // done
            }
        }

        void awaitAssigned() throws InterruptedException {
            while (!assigned) {
                Thread.sleep(10);
            }
        }
    }
}
