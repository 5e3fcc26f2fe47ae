package no.fint.platform.provider;

import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import no.fint.platform.broker.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(KafkaBrokerExtension.class)
@HelidonTest
class ProviderServiceIT {

    @Inject
    WebTarget target;

    static String bootstrap() {
        return KafkaBrokerExtension.bootstrapServers();
    }

    @Test
    void healthMetricsAndContractAreServed() {
        assertEquals(200, target.path("/health/live").request().get().getStatus());
        Response ready = Await.ready(target);
        assertEquals(200, ready.getStatus(), ready.readEntity(String.class));
        assertEquals(200, target.path("/health/started").request().get().getStatus());
        String openapi = target.path("/openapi").request("application/yaml").get(String.class);
        assertTrue(openapi.contains("title: FINT provider API"), openapi);
        String metrics = target.path("/metrics").request("text/plain").get(String.class);
        assertTrue(metrics.contains("fint_provider_adapters_heartbeat_missing"), metrics);
    }

    @Test
    void aFullSyncPageLandsInTheEntityTopicInCanonicalForm() {
        Await.ready(target);
        String adapter = Adapters.register(target, "service.no", "utdanning/elev/elev");
        String page = Adapters.page("c-1", "service.no", adapter, 1, 1, 1, List.of("""
                {"identifier":"${utdanning.elev.elev}/systemid/e1","resource":{"elevnummer":{"identifikatorverdi":"5"},"systemId":{"identifikatorverdi":"e1"},
                 "gjest":null,"_links":{"self":[{"href":"${utdanning.elev.elev}/systemid/e1"}],"person":[{"href":"${felles.person}/fodselsnummer/1"}]}}}"""));
        Response r = Adapters.post(target, "/provider/utdanning/elev/elev", page);
        assertEquals(201, r.getStatus(), r.readEntity(String.class));
        assertEquals("/provider/sync/c-1", r.getLocation().getPath());

        List<TestKafka.Rec> recs = TestKafka.read(bootstrap(), "service-no.fint-core.entity.utdanning-elev");
        assertEquals(1, recs.size());
        TestKafka.Rec rec = recs.get(0);
        assertEquals("elev\u001Fe1", rec.key());
        assertEquals("{\"elevnummer\":{\"identifikatorverdi\":\"5\"},\"systemId\":{\"identifikatorverdi\":\"e1\"},"
                + "\"_links\":{\"self\":[],\"person\":[{\"href\":\"/utdanning/elev/person/fodselsnummer/1\"}]}}", rec.value());
        assertEquals(Map.of("resource-name", "elev", "sync-type", "FULL", "corr-id", "c-1"), rec.headers());
        assertTrue(rec.lastModified() > 0);

        String status = Adapters.awaitState(target, "c-1", "COMPLETED");
        assertTrue(status.contains("\"resourcesReceived\":1"), status);
    }

    @Test
    void nestedPackagesHaveTheirFourSegmentPath() {
        Await.ready(target);
        String adapter = Adapters.register(target, "nested.no", "felles/kodeverk/iso/kjonn");
        String page = Adapters.page("k-1", "nested.no", adapter, 1, 1, 1, List.of(
                "{\"identifier\":\"1\",\"resource\":{\"kode\":\"1\",\"navn\":\"Mann\",\"systemId\":{\"identifikatorverdi\":\"1\"}}}"));
        Response r = Adapters.post(target, "/provider/felles/kodeverk/iso/kjonn", page);
        assertEquals(201, r.getStatus(), r.readEntity(String.class));
        assertEquals(1, TestKafka.read(bootstrap(), "nested-no.fint-core.entity.felles-kodeverk-iso").size());
    }

    @Test
    void unknownPathsOutsideTheApiLeaveHealthAndMetricsReachable() {
        assertEquals(404, target.path("/nothing/here").request().get().getStatus());
        assertEquals(200, target.path("/health/live").request().get().getStatus());
    }

    @Test
    void heartbeatsTravelOverReactiveMessagingAndShowInTheAdapterStatus() {
        Await.ready(target);
        String adapter = Adapters.register(target, "beat.no", "utdanning/elev/elev");
        Response r = target.path("/provider/heartbeat").request()
                .post(Entity.json("{\"adapterId\":\"" + adapter + "\",\"orgId\":\"beat.no\",\"username\":\"u\",\"time\":1}"));
        assertEquals(200, r.getStatus(), r.readEntity(String.class));
        assertTrue(TestKafka.read(bootstrap(), "fint-core.adapter-heartbeat").stream()
                .anyMatch(x -> x.value().contains(adapter)));
        String status = target.path("/provider/adapter").queryParam("orgId", "beat.no").request().get(String.class);
        assertTrue(status.contains("\"heartbeat\":\"ALIVE\""), status);
        assertTrue(status.contains("\"entityUri\":\"/utdanning/elev/elev\""), status);

        Response unknown = target.path("/provider/heartbeat").request()
                .post(Entity.json("{\"adapterId\":\"nobody\",\"orgId\":\"beat.no\"}"));
        assertEquals(404, unknown.getStatus());
        Response wrongOrg = target.path("/provider/heartbeat").request()
                .post(Entity.json("{\"adapterId\":\"" + adapter + "\",\"orgId\":\"other.no\"}"));
        assertEquals(403, wrongOrg.getStatus());
    }

    /** Waits for readiness (contracts and sessions are loaded in the background at start). */
    static final class Await {
        static Response ready(WebTarget target) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            Response r = target.path("/health/ready").request().get();
            while (r.getStatus() != 200 && System.nanoTime() < deadline) {
                r.close();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                r = target.path("/health/ready").request().get();
            }
            return r;
        }
    }
}
