package no.fint.platform.provider;

import io.helidon.microprofile.testing.junit5.AddBean;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import no.fint.platform.broker.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Heartbeats keep an adapter ALIVE per its contract's interval; missing ones show in the status endpoint and the metrics. */
@ExtendWith(KafkaBrokerExtension.class)
@HelidonTest
@AddBean(TestClock.class)
class HeartbeatIT {

    @Inject
    WebTarget target;

    private String status(String org) {
        return target.path("/provider/adapter").queryParam("orgId", org).request().get(String.class);
    }

    /** The value of the per-adapter gauge, from the Prometheus text. */
    private double alive(String adapterId) {
        String metrics = target.path("/metrics").request("text/plain").get(String.class);
        return Arrays.stream(metrics.split("\n"))
                .filter(l -> l.startsWith("fint_provider_adapter_heartbeat_alive{") && l.contains("adapterId=\"" + adapterId + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no gauge for " + adapterId + " in\n" + metrics));
    }

    private double missing() {
        String metrics = target.path("/metrics").request("text/plain").get(String.class);
        return Arrays.stream(metrics.split("\n")).filter(l -> l.startsWith("fint_provider_adapters_heartbeat_missing"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElseThrow();
    }

    @Test
    void missingHeartbeatsAreVisibleInTheStatusAndTheMetrics() {
        ProviderServiceIT.Await.ready(target);
        String beating = Adapters.register(target, "heartbeat.no", "utdanning/elev/elev");
        String silent = Adapters.register(target, "heartbeat.no", "utdanning/elev/elevforhold");
        Response r = target.path("/provider/heartbeat").request()
                .post(Entity.json("{\"adapterId\":\"" + beating + "\",\"orgId\":\"heartbeat.no\",\"username\":\"u\",\"time\":1}"));
        assertEquals(200, r.getStatus(), r.readEntity(String.class));
        String s = status("heartbeat.no");
        assertTrue(s.contains("\"adapterId\":\"" + beating + "\"") && s.contains("\"heartbeat\":\"ALIVE\"")
                && s.contains("\"heartbeat\":\"AWAITING\""), s);
        assertEquals(1.0, alive(beating));
        assertEquals(0.0, alive(silent));
        double missingBefore = missing();

        // one minute later (interval 1 minute, two may be missed): still alive
        TestClock.CLOCK.advance(Duration.ofMinutes(1));
        assertEquals(1.0, alive(beating));
        // three minutes later: both missing
        TestClock.CLOCK.advance(Duration.ofMinutes(2).plusSeconds(1));
        s = status("heartbeat.no");
        assertTrue(!s.contains("ALIVE") && !s.contains("AWAITING") && s.contains("\"heartbeat\":\"MISSING\""), s);
        assertEquals(0.0, alive(beating));
        assertTrue(missing() >= missingBefore + 2, "missing " + missing() + " before " + missingBefore);

        // it beats again: alive
        r = target.path("/provider/heartbeat").request()
                .post(Entity.json("{\"adapterId\":\"" + beating + "\",\"orgId\":\"heartbeat.no\"}"));
        assertEquals(200, r.getStatus());
        assertEquals(1.0, alive(beating));
    }
}
