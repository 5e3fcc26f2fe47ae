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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./fint bench ingest [--size small|medium|large] [--page-size 500] [--concurrency 8] [--seed 1]
 * [--warmup none|small|medium|large]}:
 * sustained full-sync ingest of a generated data set through the provider's HTTP API into a local
 * broker (each resource type one full sync, pages of 500, a few pages in flight as FINT adapters
 * send them), timed from the first request until every record is acknowledged and counted on the
 * entity topics. Baseline in the same run: Kafka's own producer performance tool
 * ({@code kafka-producer-perf-test}) on the same broker, with the same records (the canonical
 * resources as payload file, keys, the provider's producer settings).
 */
public final class IngestBenchmark implements Benchmark {

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
        // The Kafka clients of this JVM (admin, for counting) stay quiet.
        java.util.logging.Logger.getLogger("org.apache.kafka").setLevel(java.util.logging.Level.WARNING);

        Path work = Files.createTempDirectory("fint-bench-ingest-");
        Path logs = ServiceProcess.repoRoot().resolve(".fint/logs");
        System.out.println("bench ingest: " + size + " data set, pages of " + pageSize + ", " + concurrency
                + " pages in flight; broker and provider as their own JVMs (logs in .fint/logs/bench-*.log)");
        try (BrokerProcess broker = BrokerProcess.start(work.resolve("kafka"), logs.resolve("bench-kafka.log"));
             ServiceProcess provider = ServiceProcess.start("bench-provider", "provider",
                     Map.of("fint.kafka.bootstrap-servers", broker.bootstrapServers()))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

            // Warm-up (not timed): a data set of the same size for another organisation, so the provider's
            // JIT-compiled code is what a long-running provider runs ("sustained" ingest).
            double warmCpu = Double.NaN;
            int warmResources = 0;
            if (warmup != null) {
                System.out.println("bench ingest: warm-up with the " + warmup + " data set (not timed)");
                DataSet warm = DataSet.of(warmup, seed + 1);
                String warmToken = adapterToken("warmup.no", warm);
                register(http, provider.url(), warmToken, "warmup.no", "https://bench.example/warmup-no", warm.types());
                List<Page> warmPages = pages(warm, "warmup.no", "https://bench.example/warmup-no", pageSize);
                double cpu0 = cpuSeconds("provider.jar");
                send(http, provider.url(), warmToken, warmPages, concurrency, new Histogram(TimeUnit.MINUTES.toMicros(5), 3));
                warmCpu = cpuSeconds("provider.jar") - cpu0;
                warmResources = warm.totalSize();
            }

            DataSet data = DataSet.of(size, seed);
            System.out.println("bench ingest: generating " + data.totalSize() + " resources into pages");
            List<Page> pages = pages(data, ORG, ADAPTER, pageSize);
            String token = adapterToken(ORG, data);
            register(http, provider.url(), token, ORG, ADAPTER, data.types());

            Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
            System.out.println("bench ingest: sending " + pages.size() + " pages");
            double providerCpu0 = cpuSeconds("provider.jar");
            double brokerCpu0 = cpuSeconds("broker.jar");
            long start = System.nanoTime();
            send(http, provider.url(), token, pages, concurrency, latency);
            long total = waitVisible(broker.bootstrapServers(), data, Duration.ofMinutes(5));
            double seconds = (System.nanoTime() - start) / 1e9;
            double providerCpu = cpuSeconds("provider.jar") - providerCpu0;
            double brokerCpu = cpuSeconds("broker.jar") - brokerCpu0;
            double rate = total / seconds;
            long bytes = pages.stream().mapToLong(p -> p.body().length).sum();

            // Baseline: the same records (canonical form) through Kafka's producer performance tool.
            Path payload = work.resolve("payload.txt");
            double avgRecord = writePayload(data, payload);
            long baselineRecords = Math.max(total, 300_000);
            double baseline = producerPerfTest(broker.bootstrapServers(), payload, baselineRecords, logs.resolve("bench-perf-test.log"));

            report.figure("resources ingested (" + size.name().toLowerCase(Locale.ROOT) + ", " + data.types().size() + " full syncs)", total, "resources");
            report.figure("pages of " + pageSize + " (" + concurrency + " in flight)", pages.size(), "pages");
            report.figure("HTTP bodies sent", bytes / 1e6, "MB");
            report.figure("average canonical record", avgRecord, "bytes");
            report.figure("elapsed, first request to last record acknowledged and counted", seconds, "s");
            report.figure("provider CPU time while ingesting", providerCpu, "s");
            report.figure("broker CPU time while ingesting", brokerCpu, "s");
            report.figure("resources per provider CPU second", total / providerCpu, "resources/s");
            if (warmup != null) {
                report.figure("  the same during the warm-up (JIT compiling)", warmResources / warmCpu, "resources/s");
            }
            report.figure("page latency p50", latency.getValueAtPercentile(50) / 1000.0, "ms");
            report.figure("page latency p99", latency.getValueAtPercentile(99) / 1000.0, "ms");
            report.figure("kafka-producer-perf-test records (same payloads, keys, producer settings)", baselineRecords, "records");
            report.compare("ingest through the provider", rate, "kafka-producer-perf-test", baseline, "resources/s", 0.25);
            report.target("ingest through the provider", rate, "resources/s", 20_000, false);
        } finally {
            deleteTree(work);
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

    /** Sends every page with at most {@code concurrency} in flight; any answer but 201 ends the benchmark. */
    static void send(HttpClient http, String base, String token, List<Page> pages, int concurrency, Histogram latency) throws Exception {
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicReference<String> failure = new AtomicReference<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Page p : pages) {
                inFlight.acquire();
                if (failure.get() != null) {
                    break;
                }
                pool.execute(() -> {
                    try {
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/provider" + p.path()))
                                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                                .timeout(Duration.ofMinutes(2))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(p.body())).build(), HttpResponse.BodyHandlers.ofString());
                        long micros = (System.nanoTime() - t0) / 1000;
                        synchronized (latency) {
                            latency.recordValue(Math.min(micros, latency.getHighestTrackableValue()));
                        }
                        if (r.statusCode() != 201) {
                            failure.compareAndSet(null, p.path() + " " + p.corrId() + ": " + r.statusCode() + " " + r.body());
                        }
                    } catch (Exception e) {
                        failure.compareAndSet(null, p.path() + ": " + e);
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("A page was not accepted: " + failure.get());
        }
    }

    /** Waits until the organisation's entity topics hold every record; returns the count. */
    static long waitVisible(String bootstrap, DataSet data, Duration timeout) throws Exception {
        Set<String> topics = new LinkedHashSet<>();
        data.types().forEach(t -> topics.add(Topics.entity(ORG, t.component())));
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            while (true) {
                Map<TopicPartition, OffsetSpec> req = new HashMap<>();
                admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, d) ->
                        d.partitions().forEach(p -> req.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
                long n = admin.listOffsets(req).all().get(30, TimeUnit.SECONDS).values().stream().mapToLong(i -> i.offset()).sum();
                if (n >= data.totalSize() || System.nanoTime() > deadline) {
                    return n;
                }
                Thread.sleep(20);
            }
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
    static double producerPerfTest(String bootstrap, Path payload, long records, Path log) throws Exception {
        String topic = "bench-producer-perf-test";
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

    private static Map<String, String> options(List<String> args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            if (!args.get(i).startsWith("--")) {
                throw new IllegalArgumentException("usage: ./fint bench ingest [--size small|medium|large] [--page-size N] [--concurrency N] [--seed N] [--warmup none|small|medium|large]");
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
