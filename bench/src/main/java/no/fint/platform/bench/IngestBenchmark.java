package no.fint.platform.bench;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.fint.platform.canonical.Canonicalizer;
import no.fint.platform.canonical.Violations;
import no.fint.platform.contract.ServiceProcess;
import no.fint.platform.tokens.EphemeralIdp;
import no.fint.platform.demo.DataSet;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ResourceType;
import no.fint.platform.records.Topics;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./fint bench ingest [--size small|medium|large] [--page-size 500] [--concurrency 8] [--seed 1]
 * [--warmup none|small|medium|large] [--warmup-rounds 10] [--rounds 5]}:
 * sustained full-sync ingest of a generated data set through the provider's HTTP API into a local
 * broker (each resource type one full sync, pages of 500, a few pages in flight as FINT adapters
 * send them), timed from the first request until every record is acknowledged and counted on the
 * entity topics. Baseline in the same run: Kafka's own producer performance tool
 * ({@code kafka-producer-perf-test}) on the same broker, with the same records (the canonical
 * resources as payload file, keys, the provider's producer settings).
 */
public final class IngestBenchmark implements Benchmark {

    /** The provider's JVM settings as {@code ./fint up} gives them (PROVIDER_JVM in {@code fint}). */
    static final List<String> PROVIDER_JVM = List.of("-Xms1g", "-Xmx1g");

    private static final String ORG = "ingest.no";
    private static final String ADAPTER = "https://bench.example/ingest-no";

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public String description() {
        return "full syncs of the medium data set over HTTP into Kafka, against kafka-producer-perf-test";
    }

    @Override
    public void run(List<String> args, Report report) throws Exception {
        Map<String, String> opts = options(args);
        DataSet.Size size = DataSet.Size.valueOf(opts.getOrDefault("size", "medium").toUpperCase(Locale.ROOT));
        int pageSize = Integer.parseInt(opts.getOrDefault("page-size", "500"));
        int concurrency = Integer.parseInt(opts.getOrDefault("concurrency", "8"));
        long seed = Long.parseLong(opts.getOrDefault("seed", "1"));
        String w = opts.getOrDefault("warmup", size.name()).toUpperCase(Locale.ROOT);
        DataSet.Size warmup = w.equals("NONE") ? null : DataSet.Size.valueOf(w);
        int warmupRounds = Integer.parseInt(opts.getOrDefault("warmup-rounds", "10"));
        int timedRounds = Integer.parseInt(opts.getOrDefault("rounds", "5"));
        if (timedRounds < 1 || warmupRounds < 0) {
            throw new IllegalArgumentException("--rounds must be at least 1 and --warmup-rounds at least 0");
        }
        // The Kafka clients of this JVM (admin, for counting) stay quiet.
        java.util.logging.Logger.getLogger("org.apache.kafka").setLevel(java.util.logging.Level.WARNING);

        Path work = Files.createTempDirectory("fint-bench-ingest-");
        Path logs = ServiceProcess.repoRoot().resolve(".fint/logs");
        System.out.println("bench ingest: " + size + " data set, pages of " + pageSize + ", " + concurrency
                + " pages in flight; broker and provider as their own JVMs (logs in .fint/logs/bench-*.log)");
        try (BrokerProcess broker = BrokerProcess.start(work.resolve("kafka"), logs.resolve("bench-kafka.log"));
             ServiceProcess provider = ServiceProcess.start("bench-provider", "provider",
                     Map.of("fint.kafka.bootstrap-servers", broker.bootstrapServers()), PROVIDER_JVM)) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

            // Warm-up (not timed): full syncs of a data set of the same size for another organisation, several
            // rounds, so the provider's code is what a long-running provider runs ("sustained" ingest): after one
            // round of the medium set the JIT was still compiling the hot path (about half the steady rate), and
            // the rate per CPU second kept rising until about the seventh round.
            double warmRate = Double.NaN;
            if (warmup != null && warmupRounds > 0) {
                DataSet warm = DataSet.of(warmup, seed + 1);
                String warmToken = adapterToken("warmup.no", warm);
                register(http, provider.url(), warmToken, "warmup.no", "https://bench.example/warmup-no", warm.types());
                for (int round = 1; round <= warmupRounds; round++) {
                    List<Page> warmPages = pages(warm, "warmup.no", "https://bench.example/warmup-no", pageSize);
                    double cpu0 = cpuSeconds("provider.jar");
                    send(provider.address(), warmToken, warmPages, concurrency, new Histogram(TimeUnit.MINUTES.toMicros(5), 3));
                    warmRate = warm.totalSize() / (cpuSeconds("provider.jar") - cpu0);
                    System.out.printf(Locale.ROOT, "bench ingest: warm-up round %d of %d (%s data set, not timed): %,.0f resources per provider CPU second%n",
                            round, warmupRounds, warmup, warmRate);
                }
            }

            DataSet data = DataSet.of(size, seed);
            String token = adapterToken(ORG, data);
            register(http, provider.url(), token, ORG, ADAPTER, data.types());
            Path payload = work.resolve("payload.txt");
            double avgRecord = writePayload(data, payload);

            // Timed rounds, each one full sync of every resource type of the data set (the second and later
            // ones replace the same resources, as an adapter's daily full sync does), alternating with the
            // baseline; the median of each side is compared, so a burst of outside load does not decide the ratio.
            List<Round> rounds = new ArrayList<>();
            List<Double> baselines = new ArrayList<>();
            long baselineRecords = Math.max(data.totalSize(), 300_000);
            long bytes = 0;
            int pageCount = 0;
            try (Visible visible = new Visible(broker.bootstrapServers(), data)) {
                for (int round = 1; round <= timedRounds; round++) {
                    List<Page> pages = pages(data, ORG, ADAPTER, pageSize);
                    bytes = pages.stream().mapToLong(p -> p.body().length).sum();
                    pageCount = pages.size();
                    long before = visible.await(0, Duration.ZERO);
                    Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
                    double providerCpu0 = cpuSeconds("provider.jar");
                    double brokerCpu0 = cpuSeconds("broker.jar");
                    double clientCpu0 = ownCpuSeconds();
                    long start = System.nanoTime();
                    send(provider.address(), token, pages, concurrency, latency);
                    long total = visible.await(before + data.totalSize(), Duration.ofMinutes(5)) - before;
                    Round r = new Round(total, (System.nanoTime() - start) / 1e9, cpuSeconds("provider.jar") - providerCpu0,
                            cpuSeconds("broker.jar") - brokerCpu0, ownCpuSeconds() - clientCpu0, latency);
                    rounds.add(r);
                    // Baseline: the same records (canonical form) through Kafka's producer performance tool.
                    double baseline = producerPerfTest(broker.bootstrapServers(), "bench-producer-perf-test-" + round, payload,
                            baselineRecords, logs.resolve("bench-perf-test.log"));
                    baselines.add(baseline);
                    System.out.printf(Locale.ROOT, "bench ingest: round %d of %d: %,d pages, %,.0f resources/s (%,.0f per provider CPU second); "
                                    + "kafka-producer-perf-test %,.0f records/s%n",
                            round, timedRounds, pages.size(), r.rate(), r.records() / r.providerCpu(), baseline);
                }
            }
            rounds.sort(java.util.Comparator.comparingDouble(Round::rate));
            Round median = rounds.get(rounds.size() / 2);
            List<Double> sortedBaselines = baselines.stream().sorted().toList();
            double baseline = sortedBaselines.get(sortedBaselines.size() / 2);

            String each = " (median of " + timedRounds + " rounds)";
            report.figure("resources per round (" + size.name().toLowerCase(Locale.ROOT) + ", " + data.types().size() + " full syncs)", median.records(), "resources");
            report.figure("pages of " + pageSize + " (" + concurrency + " in flight)", pageCount, "pages");
            report.figure("HTTP bodies sent per round", bytes / 1e6, "MB");
            report.figure("average canonical record", avgRecord, "bytes");
            report.figure("elapsed, first request to last record acknowledged and counted" + each, median.seconds(), "s");
            report.figure("  provider CPU time in that round", median.providerCpu(), "s");
            report.figure("  broker CPU time in that round", median.brokerCpu(), "s");
            report.figure("  benchmark client CPU time in that round (this JVM: HTTP sends, counting)", median.clientCpu(), "s");
            report.figure("  resources per provider CPU second", median.records() / median.providerCpu(), "resources/s");
            report.figure("  page latency p50", median.latency().getValueAtPercentile(50) / 1000.0, "ms");
            report.figure("  page latency p99", median.latency().getValueAtPercentile(99) / 1000.0, "ms");
            if (!Double.isNaN(warmRate)) {
                report.figure("resources per provider CPU second in the last warm-up round", warmRate, "resources/s");
            }
            report.figure("kafka-producer-perf-test records a round (same payloads, keys, producer settings)", baselineRecords, "records");
            report.compare("ingest through the provider" + each, median.rate(), "kafka-producer-perf-test" + each, baseline, "resources/s", 0.25);
            report.target("ingest through the provider" + each, median.rate(), "resources/s", 20_000, false);
        } finally {
            deleteTree(work);
        }
    }

    /** One timed round: records counted on the topics, wall time, CPU times of the three processes. */
    record Round(long records, double seconds, double providerCpu, double brokerCpu, double clientCpu, Histogram latency) {
        double rate() {
            return records / seconds;
        }
    }

    /** One page as an adapter sends it. */
    record Page(String corrId, String path, byte[] body) {
    }

    static List<Page> pages(DataSet data, String org, String adapter, int pageSize) throws IOException {
        List<Page> out = new ArrayList<>();
        JsonStringEncoder enc = JsonStringEncoder.getInstance();
        for (ResourceType type : data.types()) {
            int count = data.count(type);
            int totalPages = Math.max(1, (count + pageSize - 1) / pageSize);
            String corrId = type.path().substring(1).replace('/', '-') + "-" + System.nanoTime();
            Iterator<DataSet.Entry> it = data.entries(type);
            for (int page = 1; page <= totalPages; page++) {
                List<DataSet.Entry> entries = new ArrayList<>(pageSize);
                while (entries.size() < pageSize && it.hasNext()) {
                    entries.add(it.next());
                }
                ByteArrayOutputStream b = new ByteArrayOutputStream(entries.size() * 1200 + 512);
                write(b, "{\"metadata\":{\"adapterId\":\"" + adapter + "\",\"corrId\":\"" + corrId + "\",\"orgId\":\"" + org
                        + "\",\"totalSize\":" + count + ",\"page\":" + page + ",\"pageSize\":" + entries.size() + ",\"totalPages\":"
                        + totalPages + ",\"uriRef\":\"" + type.path() + "\",\"time\":" + System.currentTimeMillis() + "},\"resources\":[");
                for (int i = 0; i < entries.size(); i++) {
                    if (i > 0) {
                        b.write(',');
                    }
                    b.write("{\"identifier\":\"".getBytes(StandardCharsets.UTF_8));
                    b.write(enc.quoteAsUTF8(entries.get(i).identifier()));
                    b.write("\",\"resource\":".getBytes(StandardCharsets.UTF_8));
                    b.write(entries.get(i).json());
                    b.write('}');
                }
                write(b, "],\"syncType\":\"FULL\"}");
                out.add(new Page(corrId, type.path(), b.toByteArray()));
            }
        }
        return out;
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    /** An adapter token of the organisation with the roles of every component of the data set (as a real adapter has). */
    static String adapterToken(String org, DataSet data) {
        return EphemeralIdp.shared().adapter(org, data.components().stream().map(c -> c.id()).toArray(String[]::new));
    }

    static void register(HttpClient http, String base, String token, String org, String adapter, List<ResourceType> types) throws Exception {
        StringBuilder caps = new StringBuilder();
        for (ResourceType t : types) {
            if (caps.length() > 0) {
                caps.append(',');
            }
            String pkg = t.component().pkg().replace('.', '/');
            caps.append("{\"domainName\":\"").append(t.component().domain()).append("\",\"packageName\":\"").append(pkg)
                    .append("\",\"resourceName\":\"").append(t.name()).append("\",\"fullSyncIntervalInDays\":1,\"deltaSyncInterval\":\"IMMEDIATE\"}");
        }
        String body = "{\"adapterId\":\"" + adapter + "\",\"orgId\":\"" + org + "\",\"heartbeatIntervalInMinutes\":1,\"capabilities\":[" + caps + "]}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/provider/register"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("register: " + r.statusCode() + " " + r.body());
        }
    }

    /**
     * Sends every page with at most {@code concurrency} in flight, over as many keep-alive connections
     * from one NIO thread ({@link LoadGen}), so the sender takes little of the machine's CPU; any answer
     * but 201 ends the benchmark.
     */
    static void send(InetSocketAddress provider, String token, List<Page> pages, int concurrency, Histogram latency) throws IOException {
        List<LoadGen.Request> requests = new ArrayList<>(pages.size());
        for (Page p : pages) {
            requests.add(LoadGen.Request.of("POST", provider, "/provider" + p.path(), "application/json", p.body(), "Authorization: Bearer " + token));
        }
        int[] statuses = LoadGen.sendEach(provider, requests, concurrency, latency, Duration.ofMinutes(10));
        for (int i = 0; i < statuses.length; i++) {
            if (statuses[i] != 201) {
                throw new IllegalStateException("A page was not accepted: " + pages.get(i).path() + " " + pages.get(i).corrId()
                        + " (request " + (i + 1) + " of " + pages.size() + "): HTTP " + statuses[i] + " (see the provider's log)");
            }
        }
    }

    /**
     * Counts the records on the organisation's entity topics, partitions looked up once, so that
     * counting in the timed part is one offsets request a time (the admin client is started before).
     */
    static final class Visible implements AutoCloseable {
        private final Admin admin;
        private final Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();

        /** Looks the topics' partitions up once (they exist once the adapter has registered). */
        Visible(String bootstrap, DataSet data) throws Exception {
            this.admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
            Set<String> topics = new LinkedHashSet<>();
            data.types().forEach(t -> topics.add(Topics.entity(ORG, t.component())));
            try {
                admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, d) ->
                        d.partitions().forEach(p -> partitions.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            } catch (Exception e) {
                admin.close();
                throw e;
            }
        }

        /** Waits until the topics hold {@code expected} records (or the timeout passes); returns the count. */
        long await(long expected, Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                long n = admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS).values().stream().mapToLong(i -> i.offset()).sum();
                if (n >= expected || System.nanoTime() > deadline) {
                    return n;
                }
                Thread.sleep(20);
            }
        }

        @Override
        public void close() {
            admin.close();
        }
    }

    /** Writes the canonical form of every resource, one a line; returns the average size in bytes. */
    static double writePayload(DataSet data, Path file) throws IOException {
        Canonicalizer canonical = new Canonicalizer(InformationModel.load("4.0.30"));
        ObjectMapper json = new ObjectMapper();
        long bytes = 0;
        long n = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (ResourceType type : data.types()) {
                for (Iterator<DataSet.Entry> it = data.entries(type); it.hasNext(); ) {
                    byte[] c = canonical.canonicalize(type, json.readTree(it.next().json()), new Violations());
                    out.write(c);
                    out.write('\n');
                    bytes += c.length;
                    n++;
                }
            }
        }
        return (double) bytes / n;
    }

    /** Runs kafka-producer-perf-test in its own JVM and returns its steady-state records/s. */
    static double producerPerfTest(String bootstrap, String topic, Path payload, long records, Path log) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1).configs(Map.of("cleanup.policy", "compact",
                    "max.message.bytes", String.valueOf(4 * 1024 * 1024))))).all().get(30, TimeUnit.SECONDS);
        }
        Path jar = Path.of(IngestBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String classpath = jar + java.io.File.pathSeparator + jar.resolveSibling("libs") + java.io.File.separator + "*";
        List<String> cmd = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx1g", "-cp", classpath,
                "org.apache.kafka.tools.ProducerPerformance", "--topic", topic, "--num-records", String.valueOf(records),
                "--throughput", "-1", "--payload-file", payload.toString(), "--key-distribution", "range",
                "--record-key-range", String.valueOf(records), "--warmup-records", String.valueOf(records / 10),
                "--reporting-interval", "100000", "--command-property", "bootstrap.servers=" + bootstrap,
                // the provider's producer settings (KafkaSettings.producer)
                "acks=all", "enable.idempotence=true", "linger.ms=5", "batch.size=262144", "compression.type=lz4",
                "max.request.size=4194304"));
        if (Runtime.version().feature() >= 23) {
            cmd.add(1, "--sun-misc-unsafe-memory-access=allow");
        }
        System.out.println("bench ingest: kafka-producer-perf-test, " + records + " records");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("kafka-producer-perf-test failed; see " + log);
        }
        // The last summary line: the steady-state one when warm-up records were given.
        Matcher m = Pattern.compile("([0-9.]+) records/sec").matcher(Files.readString(log));
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        if (last == null) {
            throw new IllegalStateException("No records/sec in " + log);
        }
        return Double.parseDouble(last);
    }

    /** CPU seconds (user + system) a child JVM running {@code jar} has used so far (Linux /proc), or NaN. */
    static double cpuSeconds(String jar) {
        return ProcessHandle.current().descendants()
                .filter(h -> h.info().commandLine().map(c -> c.contains(jar)).orElse(false))
                .findFirst()
                .flatMap(h -> h.info().totalCpuDuration())
                .map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** CPU seconds this JVM has used so far, or NaN. */
    static double ownCpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    private static Map<String, String> options(List<String> args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            if (!args.get(i).startsWith("--")) {
                throw new IllegalArgumentException("usage: ./fint bench ingest [--size small|medium|large] [--page-size N] [--concurrency N] [--seed N] [--warmup none|small|medium|large] [--warmup-rounds N] [--rounds N]");
            }
            o.put(args.get(i).substring(2), args.get(i + 1));
        }
        return o;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
