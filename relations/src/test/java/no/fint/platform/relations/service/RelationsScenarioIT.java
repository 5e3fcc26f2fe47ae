package no.fint.platform.relations.service;

import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.model.Component;
import no.fint.platform.records.EntityRecord;
import no.fint.platform.records.Topics;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The semantics of issue 6 against the real broker, asserted on the relation topics: records written
 * with EntityRecordCodec as the provider writes them, each scenario in its own organisation.
 */
@ExtendWith(KafkaBrokerExtension.class)
@HelidonTest
class RelationsScenarioIT {

    private static final String ELEV = "utdanning/elev";
    private static final String PROGRAM = "utdanning/utdanningsprogram";
    private static final String EF_HREF = "{\"href\":\"/utdanning/elev/elevforhold/systemid/";
    private static KafkaFixture kafka;

    @Inject
    RelationsEngine engine;

    @Inject
    WebTarget http;

    @BeforeAll
    static void fixture() {
        kafka = new KafkaFixture();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    static String elevforhold(String id, String... elevAndSkole) {
        StringBuilder links = new StringBuilder();
        if (elevAndSkole.length > 0 && elevAndSkole[0] != null) {
            links.append("\"elev\":[{\"href\":\"").append(elevAndSkole[0]).append("\"}]");
        }
        if (elevAndSkole.length > 1) {
            links.append(links.isEmpty() ? "" : ",").append("\"skole\":[{\"href\":\"").append(elevAndSkole[1]).append("\"}]");
        }
        return "{\"systemId\":{\"identifikatorverdi\":\"" + id + "\"}" + (links.isEmpty() ? "" : ",\"_links\":{" + links + "}") + "}";
    }

    static String edgeKey(String target, String inverse, String sourceComponent, String resource, String id) {
        return target + "|" + inverse + "|" + Component.parse(sourceComponent).id() + "|" + resource + "|" + id;
    }

    private void apply(RecordMetadata m) {
        KafkaFixture.awaitApplied(engine, m);
    }

    @Test
    void aLinkFeedsAnEdgeOnTheTargetsComponent() {
        String org = "links.no";
        apply(kafka.put(org, ELEV, "elevforhold", "ef1", elevforhold("ef1", "/utdanning/elev/elev/systemid/e1",
                "/utdanning/utdanningsprogram/skole/systemid/s1")));
        assertEquals(Map.of(edgeKey("/utdanning/elev/elev/systemid/e1", "elevforhold", ELEV, "elevforhold", "ef1"), EF_HREF + "ef1\"}"),
                kafka.edges(org, ELEV));
        // Skole lives in another component: its edge goes to that component's relation topic.
        assertEquals(Map.of(edgeKey("/utdanning/utdanningsprogram/skole/systemid/s1", "elevforhold", ELEV, "elevforhold", "ef1"), EF_HREF + "ef1\"}"),
                kafka.edges(org, PROGRAM));
        // A felles class is served under the component its link names.
        apply(kafka.put(org, ELEV, "elev", "e1", "{\"systemId\":{\"identifikatorverdi\":\"e1\"},"
                + "\"_links\":{\"person\":[{\"href\":\"/utdanning/elev/person/fodselsnummer/01010112345\"}]}}"));
        assertEquals("{\"href\":\"/utdanning/elev/elev/systemid/e1\"}",
                kafka.edges(org, ELEV).get(edgeKey("/utdanning/elev/person/fodselsnummer/01010112345", "elev", ELEV, "elev", "e1")));
        // The relation topics were created compacted by the service.
        assertEquals(2, kafka.edges(org, ELEV).size());
    }

    @Test
    void changingTheTargetRemovesTheOldEdgeAndAddsTheNew() {
        String org = "move.no";
        apply(kafka.put(org, ELEV, "elevforhold", "ef1", elevforhold("ef1", "/utdanning/elev/elev/systemid/b")));
        apply(kafka.put(org, ELEV, "elevforhold", "ef1", elevforhold("ef1", "/utdanning/elev/elev/systemid/c")));
        String b = edgeKey("/utdanning/elev/elev/systemid/b", "elevforhold", ELEV, "elevforhold", "ef1");
        String c = edgeKey("/utdanning/elev/elev/systemid/c", "elevforhold", ELEV, "elevforhold", "ef1");
        List<KafkaFixture.Rec> records = kafka.relations(org, ELEV);
        assertEquals(3, records.size(), records.toString());
        assertEquals(1, records.stream().filter(r -> r.key().equals(b) && r.value() == null).count(), records.toString());
        assertEquals(Map.of(c, EF_HREF + "ef1\"}"), kafka.edges(org, ELEV));
    }

    @Test
    void aDeletedSourceLosesEveryEdgeWhicheverSyncDeletedIt() {
        String org = "delete.no";
        apply(kafka.put(org, ELEV, "elevforhold", "ef1", elevforhold("ef1", "/utdanning/elev/elev/systemid/e1", "/utdanning/utdanningsprogram/skole/systemid/s1")));
        apply(kafka.put(org, ELEV, "elevforhold", "ef2", elevforhold("ef2", "/utdanning/elev/elev/systemid/e1", "/utdanning/utdanningsprogram/skole/systemid/s1")));
        assertEquals(2, kafka.edges(org, ELEV).size());
        assertEquals(2, kafka.edges(org, PROGRAM).size());
        // A delete sync: a tombstone with sync-type DELETE.
        apply(kafka.put(org, ELEV, "elevforhold", "ef1", null));
        // The provider's stale deletion after a completed full sync: a tombstone of that sync.
        apply(kafka.write(new EntityRecord(org, Component.parse(ELEV), "elevforhold", "ef2", null, kafka.now(), "FULL", "full-sync-7")));
        assertEquals(Map.of(), kafka.edges(org, ELEV));
        assertEquals(Map.of(), kafka.edges(org, PROGRAM));
        // A later tombstone of a source that has no edges writes nothing.
        int before = kafka.relations(org, ELEV).size();
        apply(kafka.put(org, ELEV, "elevforhold", "ef1", null));
        assertEquals(before, kafka.relations(org, ELEV).size());
    }

    @Test
    void theEdgeExistsBeforeItsTargetArrivesAndStaysWhenTheTargetChanges() {
        String org = "early.no";
        apply(kafka.put(org, ELEV, "elevforhold", "ef1", elevforhold("ef1", "/utdanning/elev/elev/systemid/late")));
        String key = edgeKey("/utdanning/elev/elev/systemid/late", "elevforhold", ELEV, "elevforhold", "ef1");
        assertEquals(Map.of(key, EF_HREF + "ef1\"}"), kafka.edges(org, ELEV));
        // The target arrives, and is later updated by its adapter that does not know the inverse side:
        // nothing about the edge changes, and nothing is written.
        int before = kafka.relations(org, ELEV).size();
        apply(kafka.put(org, ELEV, "elev", "late", "{\"systemId\":{\"identifikatorverdi\":\"late\"}}"));
        apply(kafka.put(org, ELEV, "elev", "late", "{\"elevnummer\":{\"identifikatorverdi\":\"9\"},\"systemId\":{\"identifikatorverdi\":\"late\"}}"));
        assertEquals(before, kafka.relations(org, ELEV).size());
        assertEquals(Map.of(key, EF_HREF + "ef1\"}"), kafka.edges(org, ELEV));
    }

    @Test
    void aLinkByAnyIdentifierKeepsThatIdentifierInTheTargetPath() {
        String org = "ids.no";
        apply(kafka.put(org, ELEV, "elevforhold", "ef1", elevforhold("ef1", "/utdanning/elev/elev/elevnummer/500001")));
        apply(kafka.put(org, ELEV, "elevforhold", "ef2", elevforhold("ef2", "${utdanning.elev.elev}/Feidenavn/ola@skole.no")));
        apply(kafka.put(org, ELEV, "elevforhold", "ef3", elevforhold("ef3", "https://api.felleskomponent.no/utdanning/elev/elev/brukernavn/ola")));
        assertEquals(Map.of(
                edgeKey("/utdanning/elev/elev/elevnummer/500001", "elevforhold", ELEV, "elevforhold", "ef1"), EF_HREF + "ef1\"}",
                edgeKey("/utdanning/elev/elev/feidenavn/ola@skole.no", "elevforhold", ELEV, "elevforhold", "ef2"), EF_HREF + "ef2\"}",
                edgeKey("/utdanning/elev/elev/brukernavn/ola", "elevforhold", ELEV, "elevforhold", "ef3"), EF_HREF + "ef3\"}"),
                kafka.edges(org, ELEV));
    }

    @Test
    void theSameEdgeTwiceIsOneRecordAndAnUnchangedUpdateWritesNothing() {
        String org = "idempotent.no";
        String twice = "{\"systemId\":{\"identifikatorverdi\":\"ef1\"},\"_links\":{\"elev\":[{\"href\":\"/utdanning/elev/elev/systemid/e1\"},"
                + "{\"href\":\"${utdanning.elev.elev}/systemid/e1\"}]}}";
        apply(kafka.put(org, ELEV, "elevforhold", "ef1", twice));
        assertEquals(1, kafka.relations(org, ELEV).size());
        // The same record again, then a version whose other attributes changed but whose links did not.
        apply(kafka.put(org, ELEV, "elevforhold", "ef1", twice));
        apply(kafka.put(org, ELEV, "elevforhold", "ef1", "{\"beskrivelse\":\"ny\",\"systemId\":{\"identifikatorverdi\":\"ef1\"},"
                + "\"_links\":{\"elev\":[{\"href\":\"/utdanning/elev/elev/systemid/e1\"}]}}"));
        assertEquals(1, kafka.relations(org, ELEV).size());
    }

    @Test
    void theNonSourceSideFeedsNothing() {
        String org = "inverse.no";
        apply(kafka.put(org, ELEV, "elev", "e1", "{\"systemId\":{\"identifikatorverdi\":\"e1\"},"
                + "\"_links\":{\"elevforhold\":[{\"href\":\"/utdanning/elev/elevforhold/systemid/ef1\"}]}}"));
        assertEquals(List.of(), kafka.relations(org, ELEV));
    }

    @Test
    void selfRelationsWithBothSidesSourcesFeedEachOtherButNeverThemselves() {
        String org = "tree.no";
        String component = "administrasjon/organisasjon";
        String path = "/administrasjon/organisasjon/organisasjonselement/organisasjonsid/";
        apply(kafka.put(org, component, "organisasjonselement", "root", "{\"organisasjonsId\":{\"identifikatorverdi\":\"root\"},"
                + "\"_links\":{\"overordnet\":[{\"href\":\"" + path + "root\"}],\"underordnet\":[{\"href\":\"" + path + "a\"}]}}"));
        apply(kafka.put(org, component, "organisasjonselement", "a", "{\"organisasjonsId\":{\"identifikatorverdi\":\"a\"},"
                + "\"_links\":{\"overordnet\":[{\"href\":\"" + path + "root\"}]}}"));
        assertEquals(Map.of(
                edgeKey(path + "a", "overordnet", component, "organisasjonselement", "root"), "{\"href\":\"" + path + "root\"}",
                edgeKey(path + "root", "underordnet", component, "organisasjonselement", "a"), "{\"href\":\"" + path + "a\"}"),
                kafka.edges(org, component));
    }

    @Test
    void anOlderVersionChangesNothing() {
        String org = "order.no";
        Component elev = Component.parse(ELEV);
        long newer = kafka.now() + 1000;
        apply(kafka.write(new EntityRecord(org, elev, "elevforhold", "ef1",
                elevforhold("ef1", "/utdanning/elev/elev/systemid/new").getBytes(StandardCharsets.UTF_8), newer, "DELTA", "it")));
        apply(kafka.write(new EntityRecord(org, elev, "elevforhold", "ef1",
                elevforhold("ef1", "/utdanning/elev/elev/systemid/old").getBytes(StandardCharsets.UTF_8), newer - 500, "DELTA", "it")));
        assertEquals(Map.of(edgeKey("/utdanning/elev/elev/systemid/new", "elevforhold", ELEV, "elevforhold", "ef1"), EF_HREF + "ef1\"}"),
                kafka.edges(org, ELEV));
        assertEquals(1, kafka.relations(org, ELEV).size());
    }

    @Test
    void poisonRecordsAreCountedAndLoggedWhileOtherOrganisationsGoOn() {
        String bad = "poison.no";
        String good = "healthy.no";
        kafka.put(bad, ELEV, "elevforhold", "broken", "{\"systemId\":{\"identifikatorverdi\":");
        kafka.put(bad, ELEV, "nosuchresource", "x", "{}");
        kafka.raw(Topics.entity(bad, Component.parse(ELEV)), "no-separator", "{}".getBytes(StandardCharsets.UTF_8));
        kafka.raw(Topics.entity(bad, Component.parse(ELEV)), "", "{}".getBytes(StandardCharsets.UTF_8));
        RecordMetadata last = kafka.put(bad, ELEV, "elevforhold", "fine", elevforhold("fine", "/utdanning/elev/elev/systemid/e1"));
        apply(kafka.put(good, ELEV, "elevforhold", "ef1", elevforhold("ef1", "/utdanning/elev/elev/systemid/e1")));
        apply(last);
        assertEquals(1, kafka.edges(good, ELEV).size());
        // The bad organisation's own good records still work.
        assertEquals(1, kafka.edges(bad, ELEV).size());
        String metrics = http.path("/metrics").request("text/plain").get(String.class);
        assertEquals(1, KafkaFixture.counter(metrics, "fint_relations_poison_records_total", "poison-no", "unreadable-json"), metrics);
        assertEquals(1, KafkaFixture.counter(metrics, "fint_relations_poison_records_total", "poison-no", "unknown-resource"), metrics);
        assertEquals(2, KafkaFixture.counter(metrics, "fint_relations_poison_records_total", "poison-no", "bad-key"), metrics);
        assertEquals(0, KafkaFixture.counter(metrics, "fint_relations_poison_records_total", "healthy-no", "unreadable-json"), metrics);
        assertEquals(200, http.path("/health/live").request().get().getStatus());
    }
}
