package no.fint.platform.bench.consumer;

import no.fint.platform.bench.LoadGen;
import no.fint.platform.bench.Benchmark;
import no.fint.platform.bench.Report;
import no.fint.platform.demo.DataSet;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * {@code ./fint bench read}: GET one resource by identifier from a consumer process, against a trivial
 * Helidon MP endpoint (its own process, answering the same bytes from memory) under the same load in
 * the same run: throughput at saturation (64 connections, closed loop), then latency at a fixed rate
 * of half the trivial endpoint's throughput (open loop, latency counted from when each request was due).
 * Each phase alternates the two endpoints in {@value #ROUNDS} rounds and keeps each side's median round.
 */
public final class ReadBench implements Benchmark {

    static final int CONNECTIONS = 64;
    /** Alternating rounds per phase; each side's median round is reported. */
    static final int ROUNDS = 3;

    @Override
    public String name() {
        return "read";
    }

    @Override
    public String description() {
        return "consumer: GET one resource by identifier vs a trivial Helidon MP endpoint (saturation, p99 at a fixed rate)";
    }

    @Override
    public void run(List<String> args, Report report) throws Exception {
        // 20 s: with the consumer's JIT thresholds at 5x, 10 s left its first measured round at about half its later rate.
        Duration warmup = Duration.ofSeconds(arg(args, 0, 20));
        Duration measure = Duration.ofSeconds(arg(args, 1, 30));
        try (BenchData data = BenchData.open(DataSet.Size.SMALL);
             Proc consumer = Proc.consumer("read-consumer", "1g", List.of("-Dfint.kafka.bootstrap-servers=" + data.kafka.bootstrapServers(),
                     "-Dfint.consumer.org-id=" + BenchData.ORG));
             Proc trivial = Proc.trivial("read-trivial")) {
            consumer.await("/health/ready", Duration.ofMinutes(3));
            trivial.await("/blob", Duration.ofMinutes(2));
            String id = data.data.entries(data.data.type("/utdanning/elev/elev")).next().identifier();
            String path = "/utdanning/elev/elev/systemid/" + id;
            HttpResponse<byte[]> one = consumer.get(path);
            if (one == null || one.statusCode() != 200) {
                throw new IllegalStateException("the consumer does not serve " + path);
            }
            trivial.put("/blob", one.body(), one.headers().firstValue("Content-Type").orElseThrow());
            System.out.printf("bench read: %s (%d bytes) on both; %d connections, warm-up %d s, measure %d s%n",
                    path, one.body().length, CONNECTIONS, warmup.toSeconds(), measure.toSeconds());

            // The same request size on both: the consumer's token (the trivial app ignores it).
            LoadGen trivialLoad = new LoadGen("127.0.0.1", trivial.port, "/blob", consumer.token);
            LoadGen consumerLoad = new LoadGen("127.0.0.1", consumer.port, path, consumer.token);
            trivialLoad.saturate(CONNECTIONS, Duration.ZERO, warmup);
            consumerLoad.saturate(CONNECTIONS, Duration.ZERO, warmup);
            Duration round = measure.dividedBy(ROUNDS);
            Rounds.Pair saturation = Rounds.alternate(consumerLoad, trivialLoad, ROUNDS, round,
                    (gen, d) -> gen.saturate(CONNECTIONS, Duration.ofSeconds(1), d),
                    java.util.Comparator.comparingDouble(LoadGen.Result::perSecond), "saturation");
            LoadGen.Result t = saturation.baseline();
            LoadGen.Result c = saturation.subject();
            double rate = t.perSecond() / 2;
            Rounds.Pair fixed = Rounds.alternate(consumerLoad, trivialLoad, ROUNDS, round,
                    (gen, d) -> gen.fixedRate(CONNECTIONS, rate, Duration.ofSeconds(2), d),
                    java.util.Comparator.comparingDouble(r -> r.percentileMillis(99)), "at " + Math.round(rate) + " req/s");
            LoadGen.Result cf = fixed.subject();
            LoadGen.Result tf = fixed.baseline();
            System.out.println("  median rounds: trivial " + t.summary() + "\n                 consumer " + c.summary());

            report.compare("GET by identifier, 64 connections", c.perSecond(), "trivial MP endpoint", t.perSecond(), "req/s", 0.6);
            report.target("p99 at " + Math.round(rate) + " req/s (open loop)", cf.percentileMillis(99), "ms", 25, true);
            report.compare("p99 at the same fixed rate", cf.percentileMillis(99), "trivial MP endpoint", tf.percentileMillis(99), "ms", Double.NaN);
            report.figure("p50 / p99.9 at the fixed rate", cf.percentileMillis(50), "ms / " + String.format(java.util.Locale.ROOT, "%.2f", cf.percentileMillis(99.9)) + " ms");
            report.figure("achieved fixed rate", cf.perSecond(), "req/s");
            report.figure("non-200 answers or I/O errors", c.errors() + cf.errors(), "");
        }
    }

    static int arg(List<String> args, int i, int def) {
        return args.size() > i ? Integer.parseInt(args.get(i)) : def;
    }
}
