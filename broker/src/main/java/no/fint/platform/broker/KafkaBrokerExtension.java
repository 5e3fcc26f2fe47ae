package no.fint.platform.broker;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * JUnit 5 extension: one real broker per test JVM, started before the first test class that asks
 * for it (declare it above {@code @HelidonTest} so it runs before CDI boots) and stopped when the
 * JVM's tests are done. Publishes its address as the system properties
 * {@value #BOOTSTRAP_PROPERTY} and {@code kafka.bootstrap.servers}.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback {

    public static final String BOOTSTRAP_PROPERTY = "fint.kafka.bootstrap-servers";

    private static volatile Broker broker;

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        store.getOrComputeIfAbsent(Broker.class, k -> startBroker(), Broker.class);
    }

    /** The running broker's bootstrap address; only valid after the extension ran. */
    public static String bootstrapServers() {
        Broker b = broker;
        if (b == null) {
            throw new IllegalStateException("No broker: annotate the test class with @ExtendWith(KafkaBrokerExtension.class)");
        }
        return b.kafka.bootstrapServers();
    }

    private static synchronized Broker startBroker() {
        try {
            Path dir = Files.createTempDirectory("fint-test-kafka-");
            Broker b = new Broker(EmbeddedKafka.start(dir, 0), dir);
            System.setProperty(BOOTSTRAP_PROPERTY, b.kafka.bootstrapServers());
            System.setProperty("kafka.bootstrap.servers", b.kafka.bootstrapServers());
            broker = b;
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Broker(EmbeddedKafka kafka, Path dir) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws IOException {
            kafka.close();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
