package no.fint.platform.bench.consumer;

import no.fint.platform.contract.ServiceProcess;
import no.fint.platform.demo.DataSet;
import no.fint.platform.tokens.EphemeralIdp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A JVM the benchmarks start (consumer jar, trivial app), on a free port, logging to a file. */
final class Proc implements AutoCloseable {

    /**
     * The consumer's JVM settings as {@code ./fint up} gives them (CONSUMER_JVM in {@code fint}): class
     * loading at start triggers no collections, and JIT thresholds 5 times the default keep the
     * compilers on the rebuild's hot code. (-XX:MaxTenuringThreshold=0 helped the rebuild a little but
     * roughly halved {@code bench page}: page buffers in flight got promoted; not used.)
     */
    static final List<String> CONSUMER_JVM = List.of("-XX:MetaspaceSize=128m", "-XX:CompileThresholdScaling=5");

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    final long startedNanos;
    final Path log;
    private final Process process;
    /** The bearer token requests to this process carry (a consumer's client), or null. */
    final String token;

    private Proc(String name, int port, Process process, Path log, String token) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.token = token;
        this.startedNanos = System.nanoTime();
    }

    /**
     * A client token of {@code org} with the roles of every component the demo data set covers, from the
     * benchmark JVM's {@link EphemeralIdp} (which the consumers it starts trust).
     */
    static String clientToken(String org) {
        return EphemeralIdp.shared().client(org, DataSet.of(DataSet.Size.SMALL, 1).components().stream().map(c -> c.id()).toArray(String[]::new));
    }

    static Path root() {
        return Path.of(System.getProperty("fint.repo.root", ".")).toAbsolutePath().normalize();
    }

    /** The packaged consumer with its MP config as system properties; it trusts the benchmark JVM's token IdP. */
    static Proc consumer(String name, String heap, List<String> config) {
        List<String> args = new ArrayList<>();
        EphemeralIdp.shared().serviceConfig().forEach((k, v) -> args.add("-D" + k + "=" + v));
        String org = config.stream().filter(a -> a.startsWith("-Dfint.consumer.org-id=")).map(a -> a.substring(a.indexOf('=') + 1))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("a consumer needs -Dfint.consumer.org-id"));
        // As deployed: the whole heap from the start (a cache that grows to its size anyway; a heap
        // grown step by step costs the rebuild a series of collections).
        args.add("-Xms" + heap);
        args.addAll(CONSUMER_JVM);
        // e.g. -Dfint.bench.consumer-jvm=-XX:StartFlightRecording=filename=/tmp/c.jfr to profile a run
        String extra = System.getProperty("fint.bench.consumer-jvm", "");
        if (!extra.isBlank()) {
            args.addAll(List.of(extra.strip().split("\\s+")));
        }
        args.addAll(config);
        args.add("-jar");
        args.add(root().resolve("consumer/target/consumer.jar").toString());
        return start(name, heap, args, clientToken(org));
    }

    /** The trivial Helidon MP app (bench jar, {@code io.helidon.microprofile.cdi.Main}). */
    static Proc trivial(String name) {
        List<String> args = new ArrayList<>();
        String extra = System.getProperty("fint.bench.trivial-jvm", "");
        if (!extra.isBlank()) {
            args.addAll(List.of(extra.strip().split("\\s+")));
        }
        args.addAll(List.of("-cp", root().resolve("bench/target/bench.jar").toString(), "io.helidon.microprofile.cdi.Main"));
        return start(name, "256m", args, null);
    }

    private static Proc start(String name, String heap, List<String> args, String token) {
        int port = ServiceProcess.freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        if (Runtime.version().feature() >= 23) {
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        cmd.add("-Dserver.port=" + port);
        cmd.add("-Dserver.host=127.0.0.1");
        // The consumer ships with this (microprofile-config.properties); the trivial app gets the same
        // server settings so the comparison is about the endpoint, not about Nagle's algorithm.
        cmd.add("-Dserver.connection-options.tcp-no-delay=true");
        cmd.addAll(args);
        try {
            Path logs = root().resolve(".fint/logs/bench");
            Files.createDirectories(logs);
            Path log = logs.resolve(name + ".log");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Proc proc = new Proc(name, port, p, log, token);
            Runtime.getRuntime().addShutdownHook(new Thread(proc::close));
            return proc;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    HttpResponse<byte[]> get(String path) {
        try {
            return HTTP.send(request(path).timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request to this process, with its token. */
    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    void put(String path, byte[] body, String contentType) throws IOException, InterruptedException {
        HTTP.send(HttpRequest.newBuilder(URI.create(url() + path)).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
    }

    /** Polls {@code path} until 200; returns the seconds since the process was started. */
    double await(String path, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see " + log);
            }
            HttpResponse<byte[]> r = get(path);
            if (r != null && r.statusCode() == 200) {
                return (System.nanoTime() - startedNanos) / 1e9;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
    }

    /** Heap in use after a full GC, in bytes ({@code jcmd GC.run}, then {@code GC.heap_info}). */
    long heapAfterFullGc() throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        run(jcmd, Long.toString(pid()), "GC.run");
        run(jcmd, Long.toString(pid()), "GC.run");
        String info = run(jcmd, Long.toString(pid()), "GC.heap_info");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("no heap figure in: " + info);
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    /** The first lines of {@code jcmd GC.class_histogram}: where the heap goes. */
    String histogram(int lines) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        String[] all = run(jcmd, Long.toString(pid()), "GC.class_histogram").split("\n");
        return String.join("\n", java.util.Arrays.copyOf(all, Math.min(all.length, lines)));
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    /** The last line of the log matching {@code regex}, or null. */
    String logLine(String regex) throws IOException {
        Pattern p = Pattern.compile(regex);
        String found = null;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (p.matcher(line).find()) {
                found = line;
            }
        }
        return found;
    }

    /**
     * Stops the process (TERM), waiting up to {@code grace} for it to finish its shutdown; returns its
     * exit code (143 after TERM, 137 when it had to be killed).
     */
    int stop(Duration grace) {
        ServiceProcess.stop(process, (int) grace.toSeconds());
        return process.isAlive() ? -1 : process.exitValue();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(15));
    }
}
