package no.fint.platform.bench;

import no.fint.platform.contract.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The embedded broker as its own JVM ({@code broker.jar}, as {@code ./fint up} runs it), for benchmarks. */
final class BrokerProcess implements AutoCloseable {

    private final Process process;
    private final String bootstrap;

    private BrokerProcess(Process process, String bootstrap) {
        this.process = process;
        this.bootstrap = bootstrap;
    }

    static BrokerProcess start(Path dataDir, Path log) throws IOException, InterruptedException {
        Path jar = ServiceProcess.repoRoot().resolve("broker/target/broker.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./fint bench builds it)");
        }
        int port = freePortPair();
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.add("-Xmx512m");
        if (Runtime.version().feature() >= 23) {
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        cmd.addAll(List.of("-jar", jar.toString(), "--data", dataDir.toString(), "--port", String.valueOf(port)));
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        BrokerProcess broker = new BrokerProcess(p, "127.0.0.1:" + port);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("The broker exited; see " + log);
            }
            if (Files.readString(log).contains("kafka ready")) {
                return broker;
            }
            Thread.sleep(200);
        }
        broker.close();
        throw new IllegalStateException("The broker was not ready within 60 s; see " + log);
    }

    String bootstrapServers() {
        return bootstrap;
    }

    @Override
    public void close() {
        ServiceProcess.stop(process, 20);
    }

    /** A free port whose successor (the controller's) is free too. */
    private static int freePortPair() {
        for (int i = 0; i < 50; i++) {
            int p;
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress("127.0.0.1", 0));
                p = s.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress("127.0.0.1", p + 1));
                return p;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port pair");
    }
}
