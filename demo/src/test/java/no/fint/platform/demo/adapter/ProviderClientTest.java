package no.fint.platform.demo.adapter;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProviderClientTest {

    @Test
    void retryAfterIsSecondsOrAnHttpDateWithinBounds() {
        assertEquals(Duration.ofSeconds(7), ProviderClient.retryAfter(Optional.of("7")));
        assertEquals(Duration.ofSeconds(5), ProviderClient.retryAfter(Optional.empty()));
        assertEquals(Duration.ofSeconds(5), ProviderClient.retryAfter(Optional.of("soon")));
        assertEquals(Duration.ofSeconds(30), ProviderClient.retryAfter(Optional.of("3600")), "capped");
        assertEquals(Duration.ZERO, ProviderClient.retryAfter(Optional.of("-3")));
        String inTenSeconds = ZonedDateTime.now().plusSeconds(10).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = ProviderClient.retryAfter(Optional.of(inTenSeconds));
        assertTrue(d.toSeconds() >= 8 && d.toSeconds() <= 10, d.toString());
    }

    @Test
    void anUnreachableProviderIsRetriedUntilTheStop() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        StopSignal stop = new StopSignal();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProviderClient client = new ProviderClient(URI.create("http://127.0.0.1:" + port), stop, new Console(new PrintStream(out, true)));
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(1200);
            } catch (InterruptedException ignored) {
                // ends the test early
            }
            stop.stop();
        });
        stopper.start();
        assertThrows(ProviderClient.UnavailableException.class, () -> client.get("/provider/sync/x"));
        assertTrue(out.toString().contains("trying again"), out.toString());
        stopper.join();
    }
}
