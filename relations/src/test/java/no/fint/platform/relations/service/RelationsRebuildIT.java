package no.fint.platform.relations.service;

import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.model.Component;
import no.fint.platform.records.Topics;
import no.fint.platform.relations.Edge;
import no.fint.platform.relations.EdgeValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static no.fint.platform.relations.service.RelationsScenarioIT.edgeKey;
import static no.fint.platform.relations.service.RelationsScenarioIT.elevforhold;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The start-up rebuild: Kafka already holds entity records and relation records (some right, some
 * missing, one invented, one stale) before the service starts. The service must write exactly the
 * difference, nothing twice, and never flap an edge of an older version it replays.
 */
@ExtendWith({KafkaBrokerExtension.class, RelationsRebuildIT.Seed.class})
@HelidonTest
class RelationsRebuildIT {

    private static final String ORG = "rebuild.no";
    private static final String ELEV = "utdanning/elev";
    private static final String EF = "/utdanning/elev/elevforhold/systemid/";
    private static KafkaFixture kafka;
    private static List<KafkaFixture.Rec> seeded;

    @Inject
    RelationsEngine engine;

    @Inject
    WebTarget http;

    /** Runs after the broker started and before the service boots. */
    public static final class Seed implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            kafka = new KafkaFixture();
            Component elev = Component.parse(ELEV);
            String relations = Topics.relation(ORG, elev);
            // ef1's edge is already right; ef2's is missing.
            kafka.put(ORG, ELEV, "elevforhold", "ef1", elevforhold("ef1", "/utdanning/elev/elev/systemid/e1"));
            kafka.raw(relations, edge("e1", "ef1").key(), EdgeValue.encode(EF + "ef1"));
            kafka.put(ORG, ELEV, "elevforhold", "ef2", elevforhold("ef2", "/utdanning/elev/elev/systemid/e2"));
            // An edge whose source does not exist (its tombstone was compacted away while the service was down).
            kafka.raw(relations, edge("e3", "ef3").key(), EdgeValue.encode(EF + "ef3"));
            // ef4 moved from x to y, ef5 was created and deleted: only the latest version may count.
            kafka.put(ORG, ELEV, "elevforhold", "ef4", elevforhold("ef4", "/utdanning/elev/elev/systemid/x"));
            kafka.put(ORG, ELEV, "elevforhold", "ef4", elevforhold("ef4", "/utdanning/elev/elev/systemid/y"));
            kafka.put(ORG, ELEV, "elevforhold", "ef5", elevforhold("ef5", "/utdanning/elev/elev/systemid/z"));
            kafka.put(ORG, ELEV, "elevforhold", "ef5", null);
            // ef6's edge carries an old self path.
            kafka.put(ORG, ELEV, "elevforhold", "ef6", elevforhold("ef6", "/utdanning/elev/elev/systemid/e6"));
            kafka.raw(relations, edge("e6", "ef6").key(), EdgeValue.encode(EF + "old6"));
            // Not an edge at all, and a poison entity record.
            kafka.raw(relations, "garbage", "{}".getBytes(StandardCharsets.UTF_8));
            kafka.put(ORG, ELEV, "elevforhold", "broken", "{");
            seeded = kafka.relations(ORG, ELEV);
        }
    }

    private static Edge edge(String elev, String elevforhold) {
        Component c = Component.parse(ELEV);
        return new Edge(c, "/utdanning/elev/elev/systemid/" + elev, "elevforhold", c, "elevforhold\u001F" + elevforhold);
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    private void awaitRebuilt() {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!engine.rebuilt()) {
            assertTrue(System.nanoTime() < deadline, "the start-up rebuild did not finish");
            KafkaFixture.sleep(50);
        }
    }

    @Test
    void writesExactlyTheDifferenceThenFollowsLive() {
        awaitRebuilt();
        assertEquals(200, http.path("/health/ready").request().get().getStatus());
        Set<KafkaFixture.Rec> before = new HashSet<>(seeded);
        Set<String> written = kafka.relations(ORG, ELEV).stream().filter(r -> !before.contains(r))
                .map(r -> r.key() + " = " + r.value()).collect(Collectors.toSet());
        assertEquals(Set.of(
                edgeKey("/utdanning/elev/elev/systemid/e2", "elevforhold", ELEV, "elevforhold", "ef2") + " = {\"href\":\"" + EF + "ef2\"}",
                edgeKey("/utdanning/elev/elev/systemid/e3", "elevforhold", ELEV, "elevforhold", "ef3") + " = null",
                edgeKey("/utdanning/elev/elev/systemid/y", "elevforhold", ELEV, "elevforhold", "ef4") + " = {\"href\":\"" + EF + "ef4\"}",
                edgeKey("/utdanning/elev/elev/systemid/e6", "elevforhold", ELEV, "elevforhold", "ef6") + " = {\"href\":\"" + EF + "ef6\"}"),
                written);

        // Live: the channel delivers the seeded records again (new topics start at the beginning); the
        // engine skips what the rebuild covered, so only the new record writes anything.
        KafkaFixture.awaitApplied(engine, kafka.put(ORG, ELEV, "elevforhold", "ef7", elevforhold("ef7", "/utdanning/elev/elev/systemid/e7")));
        List<KafkaFixture.Rec> after = kafka.relations(ORG, ELEV);
        assertEquals(seeded.size() + written.size() + 1, after.size(), after.toString());
        assertTrue(kafka.edges(ORG, ELEV).containsKey(edgeKey("/utdanning/elev/elev/systemid/e7", "elevforhold", ELEV, "elevforhold", "ef7")));

        String metrics = http.path("/metrics").request("text/plain").get(String.class);
        // Counted once, although two reads (rebuild and channel) saw the record.
        assertEquals(1, KafkaFixture.counter(metrics, "fint_relations_poison_records_total", "rebuild-no", "unreadable-json"), metrics);
    }
}
