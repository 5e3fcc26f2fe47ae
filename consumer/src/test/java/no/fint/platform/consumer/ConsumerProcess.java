package no.fint.platform.consumer;

import no.fint.platform.model.InformationModel;
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
 * The packaged consumer ({@code target/consumer.jar}) as its own process, the way ./fint up runs it:
 * it trusts the test JVM's {@link EphemeralIdp}; {@link #get} reads as a client of its organisation with
 * the roles of the components it serves.
 */
final class ConsumerProcess implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final String token;
    final Path log;

    ConsumerProcess(String name, Map<String, String> config) {
        Path jar = Path.of("target", "consumer.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing (failsafe runs after package)");
        }
        port = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        if (Runtime.version().feature() >= 23) {
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        cmd.add("-Dserver.port=" + port);
        cmd.add("-Dserver.host=127.0.0.1");
        EphemeralIdp.shared().serviceConfig().forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        config.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        String components = config.get("fint.consumer.components");
        token = EphemeralIdp.shared().client(config.get("fint.consumer.org-id"), components != null ? components.split(",")
                : InformationModel.load(InformationModel.DEFAULT_VERSION).components().stream().map(c -> c.id()).toArray(String[]::new));
        cmd.add("-jar");
        cmd.add(jar.toString());
        try {
            Path logs = Path.of("target", "process-logs");
            Files.createDirectories(logs);
            log = logs.resolve(name + ".log");
            process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** GET, or null while the process is not listening yet. */
    HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls /health/ready until 200 (the process must stay alive). */
    void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("consumer exited; see " + log);
            }
            HttpResponse<String> r = get("/health/ready");
            if (r != null && r.statusCode() == 200) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("consumer not ready; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
