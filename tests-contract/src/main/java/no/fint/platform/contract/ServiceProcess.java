package no.fint.platform.contract;

import no.fint.platform.tokens.EphemeralIdp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service ({@code java -jar <module>/target/<module>.jar}) running as its own process,
 * the way {@code ./fint up} runs it. Output goes to {@code tests-contract/target/logs/<name>.log}.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The repository root (set by the build; the parent of the working directory otherwise). */
    public static Path repoRoot() {
        String root = System.getProperty("fint.repo.root");
        return root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
    }

    /**
     * Starts {@code module}'s jar with the given MP config (as system properties) on a free port and
     * waits until {@code /health/ready} answers 200. Unless the config names a token issuer, the
     * service trusts this JVM's {@link EphemeralIdp} (authentication stays on; callers send its tokens).
     */
    public static ServiceProcess start(String name, String module, Map<String, String> config) {
        return start(name, module, config, List.of("-Xmx512m"));
    }

    /**
     * As {@link #start(String, String, Map)}, with the given JVM options (heap and the like) instead of
     * {@code -Xmx512m}: a benchmark starts a service as {@code ./fint up} does.
     */
    public static ServiceProcess start(String name, String module, Map<String, String> config, List<String> jvm) {
        Path jar = repoRoot().resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the module first (mvn package)");
        }
        int port = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvm);
        if (Runtime.version().feature() >= 23) {
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        // e.g. -Dfint.service-jvm.provider=-XX:StartFlightRecording=filename=/tmp/p.jfr to profile a benchmark's provider
        for (String option : System.getProperty("fint.service-jvm." + module, "").split(" ")) {
            if (!option.isBlank()) {
                cmd.add(option);
            }
        }
        cmd.add("-Dserver.port=" + port);
        cmd.add("-Dserver.host=127.0.0.1");
        if (!config.containsKey("mp.jwt.verify.issuer")) {
            EphemeralIdp.shared().serviceConfig().forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        }
        config.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(jar.toString());
        try {
            Path logs = repoRoot().resolve("tests-contract/target/logs");
            Files.createDirectories(logs);
            Path log = logs.resolve(name + ".log");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            ServiceProcess sp = new ServiceProcess(name, p, port, log);
            Runtime.getRuntime().addShutdownHook(new Thread(sp::close));
            sp.awaitReady(Duration.ofSeconds(90));
            return sp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The socket address of {@link #url()}. */
    public java.net.InetSocketAddress address() {
        return new java.net.InetSocketAddress("127.0.0.1", port);
    }

    public Path log() {
        return log;
    }

    /** Polls {@code /health/ready} until 200. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        close();
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    /** Kills the process at once (SIGKILL), the way a crash or an OOM kill ends it, and waits for it. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the process (TERM, then KILL after 10 s) and waits for it. */
    @Override
    public void close() {
        stop(process, 10);
    }

    /** Stops {@code process} (TERM, then KILL after {@code graceSeconds}) and waits for it. */
    public static void stop(Process process, int graceSeconds) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** A port nothing listens on now (loopback). */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
