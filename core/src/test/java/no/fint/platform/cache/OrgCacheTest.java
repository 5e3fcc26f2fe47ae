package no.fint.platform.cache;

import no.fint.platform.model.Component;
import no.fint.platform.model.InformationModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrgCacheTest {

    static final InformationModel MODEL = InformationModel.load();
    static final Component ELEV = Component.parse("utdanning/elev");
    static final Component SKOLE = Component.parse("utdanning/utdanningsprogram");
    static final String B = "https://api.felleskomponent.no";
    static final char US = '\u001F';

    final AtomicLong clock = new AtomicLong(1000);
    OrgCache cache;

    @BeforeEach
    void setUp() {
        cache = new OrgCache(MODEL, "fint.no", List.of(ELEV, SKOLE), B, clock::get);
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String elev(String systemId, String elevnummer) {
        return "{\"elevnummer\":{\"identifikatorverdi\":\"" + elevnummer + "\"},\"systemId\":{\"identifikatorverdi\":\"" + systemId + "\"}}";
    }

    ResourceStore store(Component c, String name) {
        return cache.store(c, name).orElseThrow();
    }

    String one(String field, String value) {
        return store(ELEV, "elev").one(field, value).map(x -> new String(x, StandardCharsets.UTF_8)).orElse(null);
    }

    String page(Component c, String name, long since, int offset, int size) {
        return new String(store(c, name).page(since, offset, size).toBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void servesByEveryIdentifierCaseInsensitiveFieldExactValue() {
        assertEquals(OrgCache.Outcome.APPLIED, cache.applyEntity(ELEV, "elev", "a1", b(elev("a1", "500001")), 10));
        String expected = "{\"elevnummer\":{\"identifikatorverdi\":\"500001\"},\"systemId\":{\"identifikatorverdi\":\"a1\"},\"_links\":{\"self\":["
                + "{\"href\":\"" + B + "/utdanning/elev/elev/elevnummer/500001\"},{\"href\":\"" + B + "/utdanning/elev/elev/systemid/a1\"}]}}";
        assertEquals(expected, one("systemid", "a1"));
        assertEquals(expected, one("ELEVNUMMER", "500001"));
        assertEquals(null, one("systemid", "A1"));
        assertEquals(null, one("brukernavn", "a1"));
        assertEquals(null, one("nope", "a1"));
    }

    @Test
    void olderVersionsNeverReplaceNewerOnesAndIdentifierChangesMoveTheIndex() {
        cache.applyEntity(ELEV, "elev", "a1", b(elev("a1", "1")), 20);
        assertEquals(OrgCache.Outcome.OLDER, cache.applyEntity(ELEV, "elev", "a1", b(elev("a1", "0")), 19));
        assertTrue(one("elevnummer", "1") != null);
        assertEquals(OrgCache.Outcome.APPLIED, cache.applyEntity(ELEV, "elev", "a1", b(elev("a1", "2")), 20));
        assertEquals(null, one("elevnummer", "1"));
        assertTrue(one("elevnummer", "2") != null);
        assertEquals(OrgCache.Outcome.OLDER, cache.applyEntity(ELEV, "elev", "a1", null, 5));
        assertEquals(1, store(ELEV, "elev").size());
    }

    @Test
    void tombstonesDelete() {
        cache.applyEntity(ELEV, "elev", "a1", b(elev("a1", "1")), 20);
        clock.set(2000);
        assertEquals(OrgCache.Outcome.APPLIED, cache.applyEntity(ELEV, "elev", "a1", null, 21));
        assertEquals(null, one("systemid", "a1"));
        assertEquals(0, store(ELEV, "elev").size());
        assertEquals(2000, store(ELEV, "elev").lastUpdated());
        assertEquals(OrgCache.Outcome.UNCHANGED, cache.applyEntity(ELEV, "elev", "a1", null, 22));
        assertTrue(page(ELEV, "elev", 0, 0, 0).startsWith("{\"_embedded\":{\"_entries\":[]}"));
    }

    @Test
    void unchangedContentKeepsItsTimestampChangedContentGetsNow() {
        cache.applyEntity(ELEV, "elev", "a1", b(elev("a1", "1")), 10);
        clock.set(5000);
        assertEquals(OrgCache.Outcome.UNCHANGED, cache.applyEntity(ELEV, "elev", "a1", b(elev("a1", "1")), 11));
        assertTrue(page(ELEV, "elev", 1000, 0, 0).contains("\"size\":0"), "not changed after 1000");
        assertTrue(page(ELEV, "elev", 999, 0, 0).contains("\"size\":1"));
        assertEquals(1000, store(ELEV, "elev").lastUpdated());
        cache.applyEntity(ELEV, "elev", "a1", b(elev("a1", "2")), 12);
        assertTrue(page(ELEV, "elev", 1000, 0, 0).contains("\"size\":1"), "strictly greater than 1000");
        assertTrue(page(ELEV, "elev", 5000, 0, 0).contains("\"size\":0"));
        assertEquals(5000, store(ELEV, "elev").lastUpdated());
    }

    @Test
    void collectionOrderIsTheKeyOrderAndPagingFollowsV1() {
        for (String id : List.of("c", "a", "e", "b", "d")) {
            cache.applyEntity(ELEV, "elev", id, b(elev(id, id + "n")), 1);
        }
        String all = page(ELEV, "elev", 0, 0, 0);
        assertTrue(all.indexOf("\"a\"") < all.indexOf("\"b\"") && all.indexOf("\"b\"") < all.indexOf("\"c\"")
                && all.indexOf("\"c\"") < all.indexOf("\"d\"") && all.indexOf("\"d\"") < all.indexOf("\"e\""), all);
        String p = page(ELEV, "elev", 0, 2, 2);
        assertTrue(p.contains("\"c\"") && p.contains("\"d\"") && !p.contains("\"b\"") && !p.contains("\"e\""), p);
        assertTrue(p.endsWith("\"total_items\":5,\"offset\":2,\"size\":2}"), p);
        assertTrue(p.contains("\"prev\":[{\"href\":\"" + B + "/utdanning/elev/elev/?offset=0&size=2\"}],\"next\":[{\"href\":\"" + B + "/utdanning/elev/elev/?offset=4&size=2\"}]"), p);
        // inserts after a snapshot land in order, deletes drop out
        cache.applyEntity(ELEV, "elev", "bb", b(elev("bb", "x")), 1);
        cache.applyEntity(ELEV, "elev", "a", null, 2);
        String again = page(ELEV, "elev", 0, 0, 0);
        assertFalse(again.contains("\"a\""));
        assertTrue(again.indexOf("\"b\"") < again.indexOf("\"bb\"") && again.indexOf("\"bb\"") < again.indexOf("\"c\""), again);
        assertTrue(page(ELEV, "elev", 0, 10, 5).endsWith("\"total_items\":5,\"offset\":10,\"size\":0}"));
        assertTrue(page(ELEV, "elev", 0, -1, 5).endsWith("\"total_items\":5,\"offset\":-1,\"size\":5}"), "negative offset: no slicing");
        assertTrue(page(ELEV, "elev", 0, 3, 0).endsWith("\"total_items\":5,\"offset\":3,\"size\":5}"), "no size: all, offset echoed");
        assertTrue(page(ELEV, "elev", 0, 1, Integer.MAX_VALUE).endsWith("\"offset\":1,\"size\":4}"));
    }

    @Test
    void sinceTimeStampFiltersBeforeSlicingAndTotalIsTheClassTotal() {
        cache.applyEntity(ELEV, "elev", "a", b(elev("a", "1")), 1);
        clock.set(2000);
        cache.applyEntity(ELEV, "elev", "b", b(elev("b", "2")), 1);
        cache.applyEntity(ELEV, "elev", "c", b(elev("c", "3")), 1);
        String p = page(ELEV, "elev", 1000, 1, 1);
        assertTrue(p.contains("\"c\"") && !p.contains("\"b\""), p);
        assertTrue(p.endsWith("\"total_items\":3,\"offset\":1,\"size\":1}"), p);
    }

    @Test
    void edgesMergeByAnyIdentifierAndShowWhenTheTargetArrivesLater() {
        // an edge naming the elev by elevnummer arrives before the elev
        String key = "/utdanning/elev/elev/elevnummer/500001" + US + "elevforhold" + US + "utdanning-elev" + US + "elevforhold" + US + "E1";
        assertEquals(OrgCache.Outcome.APPLIED, cache.applyEdge(key, b("{\"href\":\"/utdanning/elev/elevforhold/systemid/E1\"}")));
        cache.applyEntity(ELEV, "elev", "a1", b("{\"elevnummer\":{\"identifikatorverdi\":\"500001\"},\"systemId\":{\"identifikatorverdi\":\"a1\"},"
                + "\"_links\":{\"person\":[{\"href\":\"/utdanning/elev/person/fodselsnummer/1\"}]}}"), 1);
        cache.markLive();
        assertEquals("{\"elevnummer\":{\"identifikatorverdi\":\"500001\"},\"systemId\":{\"identifikatorverdi\":\"a1\"},\"_links\":{"
                + "\"person\":[{\"href\":\"" + B + "/utdanning/elev/person/fodselsnummer/1\"}],"
                + "\"elevforhold\":[{\"href\":\"" + B + "/utdanning/elev/elevforhold/systemid/E1\"}],"
                + "\"self\":[{\"href\":\"" + B + "/utdanning/elev/elev/elevnummer/500001\"},{\"href\":\"" + B + "/utdanning/elev/elev/systemid/a1\"}]}}",
                one("systemid", "a1"));
        // a second edge by systemId (field case-insensitive) and its removal renew lastUpdated
        clock.set(3000);
        String key2 = "/utdanning/elev/elev/SYSTEMID/a1" + US + "elevforhold" + US + "utdanning-elev" + US + "elevforhold" + US + "E0";
        assertEquals(OrgCache.Outcome.APPLIED, cache.applyEdge(key2, b("{\"href\":\"/utdanning/elev/elevforhold/systemid/E0\"}")));
        assertTrue(one("systemid", "a1").contains("systemid/E0\"},{\"href\":\"" + B + "/utdanning/elev/elevforhold/systemid/E1\"}]"), "sorted");
        assertEquals(3000, store(ELEV, "elev").lastUpdated());
        assertTrue(page(ELEV, "elev", 2999, 0, 0).contains("\"size\":1"));
        clock.set(4000);
        assertEquals(OrgCache.Outcome.APPLIED, cache.applyEdge(key2, null));
        assertFalse(one("systemid", "a1").contains("E0"));
        assertTrue(page(ELEV, "elev", 3999, 0, 0).contains("\"size\":1"));
        // re-sending the same edge changes nothing
        clock.set(5000);
        assertEquals(OrgCache.Outcome.UNCHANGED, cache.applyEdge(key, b("{\"href\":\"/utdanning/elev/elevforhold/systemid/E1\"}")));
        assertTrue(page(ELEV, "elev", 4000, 0, 0).contains("\"size\":0"));
    }

    @Test
    void anEdgeDuplicatingAnAdapterLinkChangesNothingVisible() {
        cache.applyEntity(ELEV, "elev", "a1", b("{\"systemId\":{\"identifikatorverdi\":\"a1\"},"
                + "\"_links\":{\"elevforhold\":[{\"href\":\"/utdanning/elev/elevforhold/systemid/E1\"}]}}"), 1);
        cache.markLive();
        String before = one("systemid", "a1");
        clock.set(9000);
        String key = "/utdanning/elev/elev/systemid/a1" + US + "elevforhold" + US + "utdanning-elev" + US + "elevforhold" + US + "E1";
        assertEquals(OrgCache.Outcome.UNCHANGED, cache.applyEdge(key, b("{\"href\":\"/utdanning/elev/elevforhold/systemid/E1\"}")));
        assertEquals(before, one("systemid", "a1"));
        assertEquals(1000, store(ELEV, "elev").lastUpdated());
    }

    @Test
    void edgesForUnknownTargetsRelationsOrBadValuesAreIgnored() {
        assertEquals(OrgCache.Outcome.INVALID, cache.applyEdge("no separators", b("{\"href\":\"/x\"}")));
        assertEquals(OrgCache.Outcome.UNKNOWN_TYPE, cache.applyEdge("/utdanning/vurdering/fravar/systemid/1" + US + "x" + US + "c" + US + "k" + US + "1", b("{\"href\":\"/x\"}")));
        assertEquals(OrgCache.Outcome.UNKNOWN_TYPE, cache.applyEdge("/utdanning/elev/elev/systemid/1" + US + "nope" + US + "c" + US + "k" + US + "1", b("{\"href\":\"/x\"}")));
        assertEquals(OrgCache.Outcome.INVALID, cache.applyEdge("/utdanning/elev/elev/systemid/1" + US + "elevforhold" + US + "c" + US + "k" + US + "1", b("not json")));
        assertEquals(OrgCache.Outcome.UNKNOWN_TYPE, cache.applyEdge("/utdanning/elev/elev/nope/1" + US + "elevforhold" + US + "c" + US + "k" + US + "1", b("{\"href\":\"/x\"}")));
    }

    @Test
    void unknownResourcesAndInvalidJsonAreReported() {
        assertEquals(OrgCache.Outcome.UNKNOWN_TYPE, cache.applyEntity(ELEV, "nope", "1", b("{}"), 1));
        assertEquals(OrgCache.Outcome.UNKNOWN_TYPE, cache.applyEntity(Component.parse("utdanning/vurdering"), "fravar", "1", b("{}"), 1));
        assertEquals(OrgCache.Outcome.INVALID, cache.applyEntity(ELEV, "elev", "1", b("{\"a\":"), 1));
        assertEquals(0, store(ELEV, "elev").size());
    }

    @Test
    void identifierValuesWithSlashesInEdgeTargets() {
        cache.applyEntity(SKOLE, "skole", "s/1", b("{\"systemId\":{\"identifikatorverdi\":\"s/1\"}}"), 1);
        String key = "/utdanning/utdanningsprogram/skole/systemid/s/1" + US + "elevforhold" + US + "utdanning-elev" + US + "elevforhold" + US + "E1";
        assertEquals(OrgCache.Outcome.APPLIED, cache.applyEdge(key, b("{\"href\":\"/utdanning/elev/elevforhold/systemid/E1\"}")));
        assertTrue(store(SKOLE, "skole").one("systemid", "s/1").map(x -> new String(x, StandardCharsets.UTF_8)).orElseThrow()
                .contains("\"elevforhold\":[{\"href\":\"" + B + "/utdanning/elev/elevforhold/systemid/E1\"}]"));
    }

    @Test
    void manyEdgesToOneTarget() {
        cache.applyEntity(SKOLE, "skole", "s1", b("{\"systemId\":{\"identifikatorverdi\":\"s1\"}}"), 1);
        String target = "/utdanning/utdanningsprogram/skole/systemid/s1" + US + "elevforhold" + US + "utdanning-elev" + US + "elevforhold" + US;
        for (int i = 0; i < 200; i++) {
            cache.applyEdge(target + "E" + i, b("{\"href\":\"/utdanning/elev/elevforhold/systemid/E" + i + "\"}"));
        }
        // replacing an edge's href and removing half keep the bucket consistent
        cache.applyEdge(target + "E7", b("{\"href\":\"/utdanning/elev/elevforhold/systemid/E7x\"}"));
        for (int i = 0; i < 200; i += 2) {
            assertEquals(OrgCache.Outcome.APPLIED, cache.applyEdge(target + "E" + i, null));
        }
        assertEquals(OrgCache.Outcome.UNCHANGED, cache.applyEdge(target + "E0", null));
        String skole = store(SKOLE, "skole").one("systemid", "s1").map(x -> new String(x, StandardCharsets.UTF_8)).orElseThrow();
        assertEquals(100, skole.split("elevforhold/systemid/E").length - 1, skole);
        assertTrue(skole.contains("systemid/E7x\"") && !skole.contains("systemid/E7\"") && !skole.contains("systemid/E8\""), skole);
    }

    @Test
    void theV3ModelServesItsOwnClasses() {
        InformationModel v3 = InformationModel.load("3.21.10");
        OrgCache old = new OrgCache(v3, "fint.no", List.of(ELEV), B, clock::get);
        assertEquals(OrgCache.Outcome.APPLIED, old.applyEntity(ELEV, "basisgruppe", "g1", b("{\"navn\":\"1A\",\"systemId\":{\"identifikatorverdi\":\"g1\"}}"), 1));
        assertEquals("{\"navn\":\"1A\",\"systemId\":{\"identifikatorverdi\":\"g1\"},\"_links\":{\"self\":[{\"href\":\"" + B + "/utdanning/elev/basisgruppe/systemid/g1\"}]}}",
                old.store(ELEV, "basisgruppe").orElseThrow().one("systemid", "g1").map(x -> new String(x, StandardCharsets.UTF_8)).orElseThrow());
        assertEquals(OrgCache.Outcome.UNKNOWN_TYPE, old.applyEntity(ELEV, "klasse", "k1", b("{}"), 1), "Klasse is a v4 class");
    }
}
