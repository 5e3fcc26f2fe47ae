package no.fint.platform.consumer;

import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.model.Component;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A consumer process rebuilds from Kafka alone: ready only with the whole cache, and after a restart
 * it serves identical bytes (collections, resources, merged inverse links) without anyone resending.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ConsumerRestartIT {

    static final Component ELEV = Component.parse("utdanning/elev");
    static final int N = 3000;

    @Test
    void readyMeansCompleteAndARestartServesIdenticalBytes() throws Exception {
        try (Feed feed = new Feed("restart.no")) {
            feed.topics(ELEV).batch();
            for (int i = 0; i < N; i++) {
                String id = "e" + i;
                feed.entity(ELEV, "elev", id, "{\"elevnummer\":{\"identifikatorverdi\":\"" + (100000 + i) + "\"},\"systemId\":{\"identifikatorverdi\":\"" + id + "\"}}", 1);
                feed.entity(ELEV, "elevforhold", "f" + i, "{\"systemId\":{\"identifikatorverdi\":\"f" + i + "\"},\"hovedskole\":true,"
                        + "\"_links\":{\"elev\":[{\"href\":\"/utdanning/elev/elev/systemid/" + id + "\"}]}}", 1);
                feed.edge(ELEV, "/utdanning/elev/elev/elevnummer/" + (100000 + i), "elevforhold", ELEV, "elevforhold", "f" + i,
                        "/utdanning/elev/elevforhold/systemid/f" + i);
            }
            feed.flush().delete(ELEV, "elev", "e0", 2);
        }
        Map<String, String> config = Map.of("fint.kafka.bootstrap-servers", KafkaBrokerExtension.bootstrapServers(),
                "fint.consumer.org-id", "restart.no", "fint.consumer.components", "utdanning/elev");
        List<String> paths = List.of("/utdanning/elev/elev", "/utdanning/elev/elevforhold", "/utdanning/elev/elev/systemid/e1",
                "/utdanning/elev/elev/elevnummer/100042", "/utdanning/elev/elev?offset=100&size=50", "/utdanning/elev/elev/cache/size");
        List<String> first = new ArrayList<>();
        try (ConsumerProcess c = new ConsumerProcess("restart-1", config)) {
            c.awaitReady();
            // The moment it reports ready, the whole cache is there.
            assertEquals("{\"size\":" + (N - 1) + "}", c.get("/utdanning/elev/elev/cache/size").body());
            assertEquals("{\"size\":" + N + "}", c.get("/utdanning/elev/elevforhold/cache/size").body());
            assertTrue(c.get("/utdanning/elev/elev/systemid/e7").body().contains("\"elevforhold\":[{\"href\":\"https://api.felleskomponent.no/utdanning/elev/elevforhold/systemid/f7\"}]"));
            for (String p : paths) {
                HttpResponse<String> r = c.get(p);
                assertEquals(200, r.statusCode(), p);
                first.add(r.body());
            }
            assertEquals(200, c.get("/health/live").statusCode());
        }
        try (ConsumerProcess c = new ConsumerProcess("restart-2", config)) {
            c.awaitReady();
            for (int i = 0; i < paths.size(); i++) {
                assertEquals(first.get(i), c.get(paths.get(i)).body(), paths.get(i));
            }
            // Later lag never makes it unready again.
            try (Feed feed = new Feed("restart.no")) {
                for (int i = 0; i < 500; i++) {
                    feed.entity(ELEV, "varsel", "v" + i, "{\"systemId\":{\"identifikatorverdi\":\"v" + i + "\"}}", 1);
                    if (i % 100 == 0) {
                        assertEquals(200, c.get("/health/ready").statusCode());
                    }
                }
            }
            assertEquals(200, c.get("/health/ready").statusCode());
        }
    }
}
