package no.fint.platform.bench.consumer;

import no.fint.platform.demo.DataSet;
import no.fint.platform.model.ResourceType;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The consumer's ahead-of-time cache (JDK 25, JEPs 483, 514 and 515): classes already loaded and
 * linked, and method profiles, recorded by a training run and reused by every later start of the same
 * jar on the same JDK. Without it a consumer spends its first seconds on class loading and on the JIT,
 * and on two cores the JIT competes with the rebuild. {@code ./fint up} uses the file when it is newer
 * than the jar; {@code ./fint aot} and {@code ./fint bench coldstart} make it.
 */
public final class AotCache {

    /** Next to the jar it belongs to, so {@code mvn clean} removes both. */
    static Path file() {
        return Proc.root().resolve("consumer/target/consumer.aot");
    }

    private static Path jar() {
        return Proc.root().resolve("consumer/target/consumer.jar");
    }

    /** A link to one resource ({@code .../field/value}; the page's own self link ends in a slash). */
    private static final Pattern SELF = Pattern.compile("\\{\"href\":\"(https://[^\"]+/[^/\"]+/[^/\"]+)\"}");

    private AotCache() {
    }

    /** {@code ./fint aot [small|medium|large]}: a training run on that data set (MEDIUM by default). */
    public static void main(String[] args) throws Exception {
        DataSet.Size size;
        try {
            size = args.length == 0 ? DataSet.Size.MEDIUM : DataSet.Size.valueOf(args[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("usage: ./fint aot [small|medium|large]");
            System.exit(2);
            return;
        }
        try (BenchData data = BenchData.open(size)) {
            train(data);
        }
        System.exit(0);
    }

    /** True when the cache exists and was made from the current jar. */
    static boolean fresh() throws IOException {
        return Files.exists(file()) && Files.getLastModifiedTime(file()).compareTo(Files.getLastModifiedTime(jar())) > 0;
    }

    /**
     * The JVM flags of a consumer started with the cache. {@code AOTMode=on} makes a cache that does
     * not fit (another jar, JDK or flags) stop the JVM instead of silently running without it.
     */
    static List<String> use() {
        return List.of("-XX:AOTCache=" + file(), "-XX:AOTMode=on");
    }

    /**
     * A training run: a consumer rebuilds {@code data}'s organisation, serves every resource type 20
     * times (a page and one resource by identifier), and writes the cache when it stops.
     */
    static void train(BenchData data) throws Exception {
        long start = System.nanoTime();
        Path out = file().resolveSibling("consumer.aot.training");
        Files.deleteIfExists(out);
        try (Proc consumer = Proc.consumer("aot-training", "3g", List.of("-Dfint.kafka.bootstrap-servers=" + data.kafka.bootstrapServers(),
                "-Dfint.consumer.org-id=" + BenchData.ORG, "-XX:AOTCacheOutput=" + out))) {
            consumer.await("/health/ready", Duration.ofMinutes(5));
            for (int round = 0; round < 20; round++) {
                for (ResourceType t : data.data.types()) {
                    HttpResponse<byte[]> page = consumer.get(t.path() + "?size=100");
                    if (page == null || page.statusCode() != 200) {
                        throw new IllegalStateException("training: " + t.path() + " answered " + (page == null ? "nothing" : page.statusCode()));
                    }
                    // one resource by identifier: a link on the page (the rounds take different ones)
                    List<String> links = SELF.matcher(new String(page.body(), StandardCharsets.UTF_8)).results().map(m -> m.group(1)).toList();
                    if (!links.isEmpty()) {
                        consumer.get(URI.create(links.get(round % links.size())).getRawPath());
                    }
                }
            }
            // The JVM writes the cache on its way out; that takes a few seconds more than a plain stop.
            int exit = consumer.stop(Duration.ofMinutes(2));
            if (exit != 0 && exit != 143) {
                // killed while writing: whatever it wrote is not a cache to start from
                Files.deleteIfExists(out);
                throw new IllegalStateException("the training run did not stop cleanly (exit " + exit + "); see " + consumer.log);
            }
        }
        if (!Files.exists(out)) {
            throw new IllegalStateException("the training run wrote no AOT cache; see .fint/logs/bench/aot-training.log");
        }
        Files.move(out, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("bench: AOT cache %s made by a training run in %.1f s (%,d bytes)%n", file(), (System.nanoTime() - start) / 1e9,
                Files.size(file()));
    }
}
