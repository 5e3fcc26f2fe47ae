package no.fint.platform.bench.consumer;

import no.fint.platform.bench.LoadGen;
import no.fint.platform.bench.Benchmark;
import no.fint.platform.bench.Report;
import no.fint.platform.demo.DataSet;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * {@code ./fint bench page}: a 1,000-resource collection page from a consumer process (MEDIUM data set)
 * against the trivial Helidon MP endpoint serving the same bytes from memory, closed loop, in
 * alternating rounds (each side's median round reported).
 */
public final class PageBench implements Benchmark {

    static final int CONNECTIONS = 8;

    @Override
    public String name() {
        return "page";
    }

    @Override
    public String description() {
        return "consumer: a 1,000-resource collection page, MB/s of body vs the same bytes served from memory";
    }

    @Override
    public void run(List<String> args, Report report) throws Exception {
        Duration warmup = Duration.ofSeconds(ReadBench.arg(args, 0, 20)); // as ReadBench's
        Duration measure = Duration.ofSeconds(ReadBench.arg(args, 1, 30));
        try (BenchData data = BenchData.open(DataSet.Size.MEDIUM);
             Proc consumer = Proc.consumer("page-consumer", "1g", List.of("-Dfint.kafka.bootstrap-servers=" + data.kafka.bootstrapServers(),
                     "-Dfint.consumer.org-id=" + BenchData.ORG));
             Proc trivial = Proc.trivial("page-trivial")) {
            consumer.await("/health/ready", Duration.ofMinutes(5));
            trivial.await("/blob", Duration.ofMinutes(2));
            String path = "/utdanning/elev/elev?offset=1000&size=1000";
            HttpResponse<byte[]> page = consumer.get(path);
            if (page == null || page.statusCode() != 200 || !new String(page.body(), 0, page.body().length, java.nio.charset.StandardCharsets.UTF_8).endsWith("\"size\":1000}")) {
                throw new IllegalStateException("the consumer does not serve a 1,000-resource page at " + path);
            }
            trivial.put("/blob", page.body(), page.headers().firstValue("Content-Type").orElseThrow());
            System.out.printf("bench page: %s (%,d bytes) on both; %d connections, warm-up %d s, measure %d s%n",
                    path, page.body().length, CONNECTIONS, warmup.toSeconds(), measure.toSeconds());
            // The same request size on both: the consumer's token (the trivial app ignores it).
            LoadGen trivialLoad = new LoadGen("127.0.0.1", trivial.port, "/blob", consumer.token);
            LoadGen consumerLoad = new LoadGen("127.0.0.1", consumer.port, path, consumer.token);
            trivialLoad.saturate(CONNECTIONS, Duration.ZERO, warmup);
            consumerLoad.saturate(CONNECTIONS, Duration.ZERO, warmup);
            Rounds.Pair pair = Rounds.alternate(consumerLoad, trivialLoad, ReadBench.ROUNDS, measure.dividedBy(ReadBench.ROUNDS),
                    (gen, d) -> gen.saturate(CONNECTIONS, Duration.ofSeconds(1), d),
                    java.util.Comparator.comparingDouble(LoadGen.Result::bodyMBps), "page");
            LoadGen.Result t = pair.baseline();
            LoadGen.Result c = pair.subject();
            System.out.println("  median rounds: same bytes from memory " + t.summary() + "\n                 rendered page          " + c.summary());
            report.target("1,000-resource page", c.bodyMBps(), "MB/s", 200, false);
            report.compare("1,000-resource page", c.bodyMBps(), "same bytes from memory", t.bodyMBps(), "MB/s", 0.5);
            report.figure("pages per second", c.perSecond(), "pages/s");
            report.figure("page size", page.body().length, "bytes");
            report.figure("non-200 answers or I/O errors", c.errors(), "");
        }
    }
}
