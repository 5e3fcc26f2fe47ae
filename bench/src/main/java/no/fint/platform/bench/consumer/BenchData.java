package no.fint.platform.bench.consumer;

import no.fint.platform.broker.EmbeddedKafka;
import no.fint.platform.canonical.Canonicalizer;
import no.fint.platform.canonical.Violations;
import no.fint.platform.demo.DataSet;
import no.fint.platform.model.Component;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ResourceType;
import no.fint.platform.records.RecordHeaders;
import no.fint.platform.records.RecordKeys;
import no.fint.platform.records.Topics;
import no.fint.platform.relations.Edge;
import no.fint.platform.relations.EdgeDerivation;
import no.fint.platform.relations.EdgeValue;
import no.fint.platform.relations.RelationRules;
import no.fint.platform.relations.SourceEdges;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * A broker holding one organisation's data set as the platform keeps it: canonical entity records on
 * the entity topics and the inverse-relation edges the relations service derives (its own
 * {@code EdgeDerivation}) on the relation topics. Loaded once per size into {@code .fint/bench/} and
 * reused by later runs.
 */
final class BenchData implements AutoCloseable {

    static final String ORG = "bench.no";
    static final long SEED = 1;
    /** Held so the levels stick (JUL keeps loggers weakly). */
    private static final List<java.util.logging.Logger> QUIET = new ArrayList<>();

    static {
        // The in-process broker and the clients log every step at INFO; a benchmark prints its table.
        for (String name : List.of("org.apache.kafka", "kafka", "state.change.logger", "org.apache.zookeeper")) {
            java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
            l.setLevel(java.util.logging.Level.SEVERE);
            QUIET.add(l);
        }
    }

    final EmbeddedKafka kafka;
    final Path dir;
    final DataSet data;
    final long resources;
    final long edges;
    final List<String> topics;

    private BenchData(EmbeddedKafka kafka, Path dir, DataSet data, long resources, long edges, List<String> topics) {
        this.kafka = kafka;
        this.dir = dir;
        this.data = data;
        this.resources = resources;
        this.edges = edges;
        this.topics = topics;
    }

    static BenchData open(DataSet.Size size) throws Exception {
        Path dir = Proc.root().resolve(".fint/bench/kafka-" + size.name().toLowerCase(Locale.ROOT));
        Path marker = dir.resolve("loaded.properties");
        DataSet data = DataSet.of(size, SEED);
        if (!Files.exists(marker) && Files.exists(dir)) {
            deleteTree(dir); // an interrupted load
        }
        EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("data"), 0);
        Properties p = new Properties();
        if (Files.exists(marker)) {
            try (var in = Files.newInputStream(marker)) {
                p.load(in);
            }
            System.out.printf("bench: reusing the %s data set in %s (%s resources, %s edges)%n", size, dir, p.getProperty("resources"), p.getProperty("edges"));
        } else {
            System.out.printf("bench: loading the %s data set (%,d resources) into %s, once%n", size, data.totalSize(), dir);
            long t0 = System.nanoTime();
            long[] counts = load(kafka.bootstrapServers(), data);
            p.setProperty("resources", Long.toString(counts[0]));
            p.setProperty("edges", Long.toString(counts[1]));
            try (var out = Files.newOutputStream(marker)) {
                p.store(out, "bench data set " + size + " seed " + SEED);
            }
            System.out.printf("bench: loaded %,d resources and %,d edges in %.0f s%n", counts[0], counts[1], (System.nanoTime() - t0) / 1e9);
        }
        List<String> topics = new ArrayList<>();
        for (Component c : components(data)) {
            topics.add(Topics.entity(ORG, c));
            topics.add(Topics.relation(ORG, c));
        }
        return new BenchData(kafka, dir, data, Long.parseLong(p.getProperty("resources")), Long.parseLong(p.getProperty("edges")), topics);
    }

    /** Reads every log segment once, so that the readers measured next find them in the page cache. */
    void warmPageCache() throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                try (var in = Files.newInputStream(f)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
        }
    }

    static Set<Component> components(DataSet data) {
        Set<Component> cs = new LinkedHashSet<>();
        data.types().forEach(t -> cs.add(t.component()));
        return cs;
    }

    private static long[] load(String bootstrap, DataSet data) throws Exception {
        InformationModel model = InformationModel.load();
        // The provider's own canonicalisation (core), so the records are what the provider writes.
        Canonicalizer canonicalizer = new Canonicalizer(model);
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        Violations violations = new Violations();
        // The edges exactly as the relations service derives them (core's EdgeDerivation).
        EdgeDerivation derivation = new EdgeDerivation(model, RelationRules.of(model));
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
            List<NewTopic> topics = new ArrayList<>();
            for (Component c : model.components()) {
                for (String t : List.of(Topics.entity(ORG, c), Topics.relation(ORG, c))) {
                    topics.add(new NewTopic(t, 3, (short) 1).configs(Map.of("cleanup.policy", "compact")));
                }
            }
            admin.createTopics(topics).all().get();
            // Produce only once every partition has its leader (fresh topics are elected a moment later).
            List<String> names = topics.stream().map(NewTopic::name).toList();
            for (int attempt = 0; attempt < 600; attempt++) {
                boolean all = admin.describeTopics(names).allTopicNames().get().values().stream()
                        .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null && p.leader().id() >= 0));
                if (all) {
                    break;
                }
                Thread.sleep(50);
            }
        }
        Map<String, Object> cfg = new HashMap<>();
        cfg.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        cfg.put(ProducerConfig.ACKS_CONFIG, "all");
        cfg.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        cfg.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        cfg.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        cfg.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long resources = 0;
        long edges = 0;
        long now = System.currentTimeMillis();
        // A send that fails is remembered and fails the load: a partial data set must not be benchmarked.
        java.util.concurrent.atomic.AtomicReference<Exception> failed = new java.util.concurrent.atomic.AtomicReference<>();
        org.apache.kafka.clients.producer.Callback check = (meta, error) -> {
            if (error != null) {
                failed.compareAndSet(null, error);
            }
        };
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(cfg, new StringSerializer(), new ByteArraySerializer())) {
            for (ResourceType type : data.types()) {
                String entityTopic = Topics.entity(ORG, type.component());
                for (Iterator<DataSet.Entry> it = data.entries(type); it.hasNext(); ) {
                    DataSet.Entry e = it.next();
                    byte[] json = canonicalizer.canonicalize(type, mapper.readTree(e.json()), violations);
                    if (json == null) {
                        throw new IllegalStateException(type + " " + e.identifier() + " is not valid: " + violations.list());
                    }
                    List<Header> headers = List.of(
                            new RecordHeader(RecordHeaders.RESOURCE_NAME, RecordHeaders.encodeString(type.name())),
                            new RecordHeader(RecordHeaders.LAST_MODIFIED, RecordHeaders.encodeLong(now)),
                            new RecordHeader(RecordHeaders.SYNC_TYPE, RecordHeaders.encodeString("FULL")),
                            new RecordHeader(RecordHeaders.CORR_ID, RecordHeaders.encodeString("bench-load")));
                    String key = RecordKeys.entity(type.name(), e.identifier());
                    producer.send(new ProducerRecord<>(entityTopic, null, key, json, headers), check);
                    resources++;
                    SourceEdges derived = derivation.derive(type, key, e.identifier(), json);
                    if (derived.href() != null) {
                        byte[] value = EdgeValue.encode(derived.href());
                        for (Edge edge : derived.edges()) {
                            producer.send(new ProducerRecord<>(Topics.relation(ORG, edge.targetComponent()), edge.key(), value), check);
                            edges++;
                        }
                    }
                }
            }
            producer.flush();
        }
        if (failed.get() != null) {
            throw new IllegalStateException("loading the bench data set failed: " + failed.get(), failed.get());
        }
        return new long[]{resources, edges};
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Override
    public void close() {
        kafka.close();
    }
}
