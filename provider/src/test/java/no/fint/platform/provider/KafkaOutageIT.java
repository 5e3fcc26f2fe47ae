package no.fint.platform.provider;

import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import no.fint.platform.broker.EmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A broker of its own that the test stops: while Kafka is gone every write is answered 503 with
 * Retry-After (never a 2xx), and once Kafka is back the same page is accepted.
 */
@ExtendWith(KafkaOutageIT.OwnBroker.class)
@HelidonTest
@AddConfig(key = "fint.provider.ack-timeout", value = "PT20S")
class KafkaOutageIT {

    @Inject
    WebTarget target;

    @Test
    void kafkaUnreachableGives503WithRetryAfterAndNever2xx() throws Exception {
        ProviderServiceIT.Await.ready(target);
        String adapter = Adapters.register(target, "outage.no", "utdanning/elev/elev");
        HttpResponse<String> before = Adapters.send(target, "POST", "/provider/utdanning/elev/elev",
                Adapters.page("out-1", "outage.no", adapter, 2, 1, 2, Adapters.elevs("a")));
        assertEquals(201, before.statusCode(), before.body());

        OwnBroker.kafka.close();
        HttpResponse<String> during = Adapters.send(target, "POST", "/provider/utdanning/elev/elev",
                Adapters.page("out-1", "outage.no", adapter, 2, 2, 2, Adapters.elevs("b")));
        assertEquals(503, during.statusCode(), during.body());
        assertEquals("5", during.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(during.body().contains("\"title\":\"Kafka unavailable\""), during.body());
        Response beat = target.path("/provider/heartbeat").request()
                .post(Entity.json("{\"adapterId\":\"" + adapter + "\",\"orgId\":\"outage.no\"}"));
        assertEquals(503, beat.getStatus());
        assertEquals(503, target.path("/health/ready").request().get().getStatus());

        OwnBroker.restart();
        HttpResponse<String> after = Adapters.send(target, "POST", "/provider/utdanning/elev/elev",
                Adapters.page("out-1", "outage.no", adapter, 2, 2, 2, Adapters.elevs("b")));
        assertEquals(201, after.statusCode(), after.body());
        Adapters.awaitState(target, "out-1", "COMPLETED");
        assertEquals(2, TestKafka.read(OwnBroker.kafka.bootstrapServers(), "outage-no.fint-core.entity.utdanning-elev").size());
    }

    /** Starts a broker for this class only, before CDI boots, and puts the shared broker's address back afterwards. */
    static final class OwnBroker implements BeforeAllCallback, AfterAllCallback {
        static volatile EmbeddedKafka kafka;
        static Path dir;
        static int port;
        private String previous;

        @Override
        public void beforeAll(ExtensionContext context) throws IOException {
            previous = System.getProperty("fint.kafka.bootstrap-servers");
            dir = Files.createTempDirectory("fint-outage-kafka-");
            port = freePortPair();
            kafka = EmbeddedKafka.start(dir, port);
            System.setProperty("fint.kafka.bootstrap-servers", kafka.bootstrapServers());
        }

        static void restart() {
            kafka = EmbeddedKafka.start(dir, port);
        }

        @Override
        public void afterAll(ExtensionContext context) throws IOException {
            if (previous == null) {
                System.clearProperty("fint.kafka.bootstrap-servers");
            } else {
                System.setProperty("fint.kafka.bootstrap-servers", previous);
            }
            try {
                kafka.close();
            } catch (RuntimeException e) {
                // already stopped
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }

        /** A free port whose successor (the controller's) is free too. */
        private static int freePortPair() throws IOException {
            for (int i = 0; i < 50; i++) {
                int p;
                try (ServerSocket s = new ServerSocket()) {
                    s.bind(new InetSocketAddress("127.0.0.1", 0));
                    p = s.getLocalPort();
                }
                try (ServerSocket s = new ServerSocket()) {
                    s.bind(new InetSocketAddress("127.0.0.1", p + 1));
                    return p;
                } catch (IOException taken) {
                    // try another
                }
            }
            throw new IOException("no free port pair");
        }
    }
}
