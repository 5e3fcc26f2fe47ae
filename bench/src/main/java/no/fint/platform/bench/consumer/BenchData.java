package no.fint.platform.bench.consumer;

import no.fint.platform.broker.EmbeddedKafka;
import no.fint.platform.demo.DataSet;
import no.fint.platform.model.Component;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ModelClass;
import no.fint.platform.model.ResourceType;
import no.fint.platform.records.RecordHeaders;
import no.fint.platform.records.RecordKeys;
import no.fint.platform.records.Topics;
import no.fint.platform.relations.RelationRule;
import no.fint.platform.relations.RelationRules;
import no.fint.platform.render.JsonScan;
import no.fint.platform.render.ResourceLayout;
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
import java.nio.charset.StandardCharsets;
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
 * the entity topics and the inverse-relation edges the relations service would derive (from the
 * model's inverse pairs) on the relation topics. Loaded once per size into {@code .fint/bench/} and
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
    final DataSet data;
    final long resources;
    final long edges;
    final List<String> topics;

    private BenchData(EmbeddedKafka kafka, DataSet data, long resources, long edges, List<String> topics) {
        this.kafka = kafka;
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
        return new BenchData(kafka, data, Long.parseLong(p.getProperty("resources")), Long.parseLong(p.getProperty("edges")), topics);
    }

    static Set<Component> components(DataSet data) {
        Set<Component> cs = new LinkedHashSet<>();
        data.types().forEach(t -> cs.add(t.component()));
        return cs;
    }

    private static long[] load(String bootstrap, DataSet data) throws Exception {
        InformationModel model = InformationModel.load();
        Canonical canonical = new Canonical(model);
        Map<String, RelationRule> rules = new HashMap<>();
        for (RelationRule r : RelationRules.derive(model)) {
            rules.put(r.source().qualifiedName() + "#" + r.relation().name(), r);
        }
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
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(cfg, new StringSerializer(), new ByteArraySerializer())) {
            for (ResourceType type : data.types()) {
                String entityTopic = Topics.entity(ORG, type.component());
                ModelClass mc = type.modelClass();
                for (Iterator<DataSet.Entry> it = data.entries(type); it.hasNext(); ) {
                    DataSet.Entry e = it.next();
                    byte[] json = canonical.canonical(type, e.json());
                    List<Header> headers = List.of(
                            new RecordHeader(RecordHeaders.RESOURCE_NAME, RecordHeaders.encodeString(type.name())),
                            new RecordHeader(RecordHeaders.LAST_MODIFIED, RecordHeaders.encodeLong(now)),
                            new RecordHeader(RecordHeaders.SYNC_TYPE, RecordHeaders.encodeString("FULL")),
                            new RecordHeader(RecordHeaders.CORR_ID, RecordHeaders.encodeString("bench-load")));
                    String key = RecordKeys.entity(type.name(), e.identifier());
                    producer.send(new ProducerRecord<>(entityTopic, null, key, json, headers));
                    resources++;
                    edges += edges(producer, model, rules, type, key, json);
                }
            }
            producer.flush();
        }
        return new long[]{resources, edges};
    }

    /** The edges the relations service derives from one resource's links (owning side to inverse side). */
    private static long edges(KafkaProducer<String, byte[]> producer, InformationModel model, Map<String, RelationRule> rules,
                              ResourceType source, String sourceKey, byte[] json) {
        ResourceLayout layout = ResourceLayout.parse(json, source.modelClass());
        if (layout.linksStart() < 0) {
            return 0;
        }
        String self = selfPath(source, layout.ids());
        if (self == null) {
            return 0;
        }
        byte[] value = ("{\"href\":\"" + self + "\"}").getBytes(StandardCharsets.UTF_8);
        long n = 0;
        int v = JsonScan.skipWs(json, JsonScan.stringEnd(json, layout.linksStart(), json.length) + 1, json.length);
        JsonScan.Members rel = new JsonScan.Members(json, JsonScan.skipWs(json, v + 1, json.length), json.length);
        while (rel.next()) {
            RelationRule rule = rules.get(source.modelClass().qualifiedName() + "#" + rel.key());
            if (rule == null) {
                continue;
            }
            int i = JsonScan.skipWs(json, rel.valueStart + 1, rel.valueEnd);
            while (i < rel.valueEnd && json[i] == '{') {
                int end = JsonScan.skipValue(json, i, rel.valueEnd);
                JsonScan.Members link = new JsonScan.Members(json, i, end);
                while (link.next()) {
                    String href = link.stringValue();
                    Component target = href == null ? null : componentOf(model, href);
                    if (target != null) {
                        String key = normalise(href) + '\u001F' + rule.inverse().name() + '\u001F' + source.component().id() + '\u001F' + sourceKey;
                        producer.send(new ProducerRecord<>(Topics.relation(ORG, target), key, value));
                        n++;
                    }
                }
                i = JsonScan.skipWs(json, end, rel.valueEnd);
                if (i < rel.valueEnd && json[i] == ',') {
                    i = JsonScan.skipWs(json, i + 1, rel.valueEnd);
                }
            }
        }
        return n;
    }

    private static String selfPath(ResourceType type, String[] ids) {
        List<String> fields = type.modelClass().identifiers();
        for (String f : type.modelClass().selfLinkIdentifiers()) {
            String id = ids[fields.indexOf(f)];
            if (id != null) {
                return type.path() + "/" + f.toLowerCase(Locale.ROOT) + "/" + id;
            }
        }
        return null;
    }

    /** The component of a path href {@code /d/p/r/field/value} (nested packages too), or null. */
    private static Component componentOf(InformationModel model, String href) {
        if (!href.startsWith("/")) {
            return null;
        }
        String[] s = href.substring(1).split("/");
        for (int used = 4; used >= 3; used--) {
            if (s.length > used) {
                String path = "/" + String.join("/", java.util.Arrays.copyOf(s, used));
                var t = model.resourceByPath(path);
                if (t.isPresent()) {
                    return t.get().component();
                }
            }
        }
        return null;
    }

    /** {@code /d/p/r/{field lower}/{value}}. */
    private static String normalise(String href) {
        String[] s = href.split("/", -1);
        // s[0] is empty; the identifier field is the segment before the value; values may hold '/'
        // only in theory here (the demo data has none), so the last two segments are field and value.
        s[s.length - 2] = s[s.length - 2].toLowerCase(Locale.ROOT);
        return String.join("/", s);
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
