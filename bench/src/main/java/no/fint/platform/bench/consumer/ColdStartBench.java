package no.fint.platform.bench.consumer;

import no.fint.platform.bench.Benchmark;
import no.fint.platform.bench.Report;
import no.fint.platform.demo.DataSet;
import no.fint.platform.model.ResourceType;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./fint bench coldstart}: a consumer process rebuilds the LARGE data set (about a million
 * resources, plus the inverse-relation edges derived from them) from Kafka to ready, against
 * {@code kafka-consumer-perf-test} ({@code ConsumerPerformance}) reading the same topics in the same
 * run. Then the heap per cached resource after a full GC (against an identical consumer without data)
 * next to the compact JSON size of the resources as served.
 */
public final class ColdStartBench implements Benchmark {

    private static final Pattern REBUILT = Pattern.compile("Cache rebuilt from Kafka in (\\d+) ms \\((\\d+) records");
    /** The consumer's CPU time (all threads), collector time, reader threads' CPU and JIT time when it became ready. */
    private static final Pattern CPU = Pattern.compile("process CPU (-?\\d+) ms, GC (\\d+) ms, readers CPU (\\d+) ms, JIT (-?\\d+) ms");

    @Override
    public String name() {
        return "coldstart";
    }

    @Override
    public String description() {
        return "consumer: rebuild the LARGE data set to ready vs kafka-consumer-perf-test; heap per cached resource";
    }

    @Override
    public void run(List<String> args, Report report) throws Exception {
        DataSet.Size size = args.isEmpty() ? DataSet.Size.LARGE : DataSet.Size.valueOf(args.get(0).toUpperCase(Locale.ROOT));
        try (BenchData data = BenchData.open(size)) {
            String bootstrap = data.kafka.bootstrapServers();
            // Both readers find the log files in the page cache: neither pays for the disk.
            data.warmPageCache();
            boolean withAot = Runtime.version().feature() >= 25;
            if (withAot && !AotCache.fresh()) {
                AotCache.train(data);
            }
            // Without the AOT cache first (the heap and JSON figures come from this run), then as
            // deployed with it; each against the same consumer without data for the CPU baseline.
            Rebuild plain = rebuild("coldstart-consumer", List.of(), data, true);
            Rebuild aot = withAot ? rebuild("coldstart-consumer-aot", AotCache.use(), data, false) : null;
            long records = plain.records;
            double[] perf = perfTest(bootstrap, records);
            System.out.printf("bench coldstart: kafka-consumer-perf-test read %,d records: %,.0f records/s overall, %,.0f records/s fetching%n",
                    records, perf[0], perf[1]);
            double perResourceHeap = (plain.heap - plain.emptyHeap) / (double) data.resources;
            double perResourceJson = plain.jsonBytes / (double) data.resources;

            report.figure("data set " + size, data.resources, "resources + " + String.format(Locale.ROOT, "%,d", data.edges) + " edges");
            for (Rebuild r : withAot ? List.of(aot, plain) : List.of(plain)) {
                String how = r == aot ? " (AOT cache)" : " (no AOT cache)";
                report.target("rebuild, resources per second" + how, data.resources / r.rebuildSeconds, "resources/s", 100_000, false);
                report.compare("rebuild, records per second" + how, r.records / r.rebuildSeconds, "kafka-consumer-perf-test (fetch)", perf[1], "records/s", 0.5);
                report.compare("rebuild, records per second" + how, r.records / r.rebuildSeconds, "kafka-consumer-perf-test (overall)", perf[0], "records/s", 0.5);
                report.target("rebuild to ready" + how, r.rebuildSeconds, "s", 10, true);
                report.target("process start to ready" + how, r.readySeconds, "s", 10, true);
                // CPU holds up better than wall time on a machine shared with other builds: the rebuild's
                // share is the consumer's CPU at ready minus that of the same consumer without data.
                report.figure("consumer CPU to ready: with data / without" + how, r.cpu[0] / 1000.0,
                        "s / " + String.format(Locale.ROOT, "%.1f", r.emptyCpu[0] / 1000.0) + " s (all threads)");
                report.figure("rebuild CPU per record" + how, (r.cpu[0] - r.emptyCpu[0]) * 1000.0 / r.records, "µs");
                report.figure("  of which the reader threads, per record" + how, r.cpu[2] * 1000.0 / r.records, "µs");
                report.figure("JIT compile time to ready: with data / without" + how, r.cpu[3] / 1000.0,
                        "s / " + String.format(Locale.ROOT, "%.2f", r.emptyCpu[3] / 1000.0) + " s (summed over the compiler threads)");
                report.figure("collector time to ready: with data / without" + how, r.cpu[1] / 1000.0,
                        "s / " + String.format(Locale.ROOT, "%.2f", r.emptyCpu[1] / 1000.0) + " s");
            }
            report.compare("heap per cached resource", perResourceHeap, "its compact JSON as served", perResourceJson, "bytes", Double.NaN);
            report.target("heap / compact JSON", perResourceHeap / perResourceJson, "x", 1.5, true);
            report.figure("heap after full GC: with data / without", plain.heap / 1e6, "MB / " + String.format(Locale.ROOT, "%.0f", plain.emptyHeap / 1e6) + " MB");
        }
    }

    /** One consumer's rebuild to ready, and the same consumer's start without data. */
    private record Rebuild(double readySeconds, double rebuildSeconds, long records, long[] cpu, long[] emptyCpu,
                           long heap, long emptyHeap, long jsonBytes) {
    }

    /**
     * Starts a consumer with {@code jvm} flags on the data set and waits for ready, then one without
     * data; with {@code heap}, also the heap after a full GC of both and the served JSON size.
     */
    private static Rebuild rebuild(String name, List<String> jvm, BenchData data, boolean heap) throws Exception {
        String bootstrap = data.kafka.bootstrapServers();
        double readySeconds;
        double rebuildSeconds;
        long records;
        long[] cpu;
        long heapFull = 0;
        long jsonBytes = 0;
        List<String> config = new ArrayList<>(jvm);
        config.add("-Dfint.kafka.bootstrap-servers=" + bootstrap);
        try (Proc consumer = Proc.consumer(name, "3g", with(config, "-Dfint.consumer.org-id=" + BenchData.ORG))) {
            readySeconds = consumer.await("/health/ready", Duration.ofMinutes(5));
            Matcher m = REBUILT.matcher(String.valueOf(consumer.logLine(REBUILT.pattern())));
            if (!m.find()) {
                throw new IllegalStateException("no rebuild line in " + consumer.log);
            }
            rebuildSeconds = Long.parseLong(m.group(1)) / 1000.0;
            // What the topics hold (the log cleaner may have compacted a duplicate key of the load
            // away since), so the perf test is asked for exactly as many records as there are.
            records = Long.parseLong(m.group(2));
            System.out.printf("bench coldstart: %s ready %.2f s after the process started; rebuild %.2f s (%s records)%n",
                    name, readySeconds, rebuildSeconds, m.group(2));
            cpu = cpuAndGc(consumer);
            if (heap) {
                heapFull = consumer.heapAfterFullGc();
                if (Boolean.getBoolean("fint.bench.histogram")) {
                    System.out.println(consumer.histogram(25));
                }
                jsonBytes = servedJsonBytes(consumer, data);
            }
        }
        long heapEmpty = 0;
        long[] cpuEmpty;
        try (Proc empty = Proc.consumer(name + "-empty", "3g", with(config, "-Dfint.consumer.org-id=empty.no"))) {
            empty.await("/health/ready", Duration.ofMinutes(2));
            cpuEmpty = cpuAndGc(empty);
            if (heap) {
                // serve something once so the same code paths are loaded
                empty.get("/utdanning/elev/elev");
                heapEmpty = empty.heapAfterFullGc();
            }
        }
        return new Rebuild(readySeconds, rebuildSeconds, records, cpu, cpuEmpty, heapFull, heapEmpty, jsonBytes);
    }

    private static List<String> with(List<String> list, String more) {
        List<String> all = new ArrayList<>(list);
        all.add(more);
        return all;
    }

    /** {process CPU ms, GC ms, reader threads' CPU ms, JIT ms} from the consumer's ready line. */
    private static long[] cpuAndGc(Proc consumer) throws IOException {
        Matcher m = CPU.matcher(String.valueOf(consumer.logLine(CPU.pattern())));
        if (!m.find()) {
            throw new IllegalStateException("no CPU figures in the ready line of " + consumer.log);
        }
        return new long[]{Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4))};
    }

    /** Runs ConsumerPerformance over the organisation's topics; returns {overall, fetch} records per second. */
    private static double[] perfTest(String bootstrap, long records) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        if (Runtime.version().feature() >= 23) {
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        cmd.addAll(List.of("-cp", Proc.root().resolve("bench/target/bench.jar").toString(), "org.apache.kafka.tools.ConsumerPerformance",
                "--bootstrap-server", bootstrap, "--include", BenchData.ORG.replace('.', '-') + "\\.fint-core\\..*",
                "--num-records", Long.toString(records), "--timeout", "60000",
                // the same fetch settings as the consumer's reader (KafkaSettings.reader)
                "--command-property", "max.poll.records=5000", "--command-property", "fetch.max.bytes=67108864",
                "--command-property", "max.partition.fetch.bytes=8388608", "--command-property", "isolation.level=read_committed"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.MINUTES);
        // start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
        for (String line : out.split("\n")) {
            String[] f = line.split(",\\s*");
            if (f.length >= 10 && f[4].strip().matches("\\d+")) {
                if (Long.parseLong(f[4].strip()) < records) {
                    throw new IllegalStateException("perf test read only " + f[4] + " of " + records + " records:\n" + out);
                }
                return new double[]{Double.parseDouble(f[5].strip()), Double.parseDouble(f[9].strip())};
            }
        }
        throw new IllegalStateException("no result from ConsumerPerformance:\n" + out);
    }

    /** Total bytes of every cached resource as served (collection bodies minus their envelopes and commas). */
    private static long servedJsonBytes(Proc consumer, BenchData data) throws IOException, InterruptedException {
        long total = 0;
        for (ResourceType t : data.data.types()) {
            HttpResponse<InputStream> r = Proc.HTTP.send(consumer.request(t.path()).timeout(Duration.ofMinutes(5)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            long body;
            try (InputStream in = r.body()) {
                body = in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            int count = data.data.count(t);
            String head = "{\"_embedded\":{\"_entries\":[";
            String tail = "]},\"_links\":{\"self\":[{\"href\":\"https://api.felleskomponent.no" + t.path() + "/\"}]},\"total_items\":" + count
                    + ",\"offset\":0,\"size\":" + count + "}";
            total += body - head.length() - tail.length() - Math.max(0, count - 1);
        }
        return total;
    }
}
