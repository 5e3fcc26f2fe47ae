package no.fint.platform.consumer;

import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.model.Component;
import no.fint.platform.render.JsonText;
import no.fint.platform.tokens.EphemeralIdp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service against a real broker: follow deltas and tombstones, merge edges, serve v1 bytes. */
@ExtendWith(KafkaBrokerExtension.class)
@HelidonTest
@AddConfig(key = "fint.consumer.org-id", value = "fint.no")
@AddConfig(key = "fint.consumer.base-url", value = "https://beta.felleskomponent.no")
class ConsumerServiceIT {

    static final Component ELEV = Component.parse("utdanning/elev");
    static final Component KJONN = Component.parse("felles/kodeverk/iso");
    static final String B = "https://beta.felleskomponent.no";
    /** A client of fint.no reading the components these tests use. */
    static final String TOKEN = EphemeralIdp.shared().client("fint.no", "utdanning-elev", "felles-kodeverk-iso", "utdanning-larling");
    static Feed feed;

    @Inject
    WebTarget target;

    @BeforeAll
    static void topics() {
        feed = new Feed("fint.no").topics(ELEV).topics(KJONN);
    }

    @AfterAll
    static void close() {
        feed.close();
    }

    String url(String path) {
        return new TestHttp(target).url(path);
    }

    HttpResponse<String> get(String path, String... headers) {
        return new TestHttp(target).json("GET", path, null, TOKEN, headers);
    }

    /** Polls until {@code done} holds (never asserts how long it took). */
    HttpResponse<String> poll(String path, Predicate<HttpResponse<String>> done) throws InterruptedException {
        return TestHttp.poll(() -> get(path), done);
    }

    static String elev(String systemId, String elevnummer) {
        return "{\"elevnummer\":{\"identifikatorverdi\":" + JsonText.quote(elevnummer) + "},\"systemId\":{\"identifikatorverdi\":" + JsonText.quote(systemId) + "}}";
    }

    @Test
    void healthMetricsAndContractAreServed() {
        assertEquals(200, get("/health/live").statusCode());
        assertEquals(200, get("/health/ready").statusCode());
        assertTrue(get("/openapi").body().contains("FINT consumer API"));
        assertTrue(get("/metrics").body().contains("# TYPE"));
    }

    @Test
    void metricsTellWhetherTheCacheIsCurrentAndComplete() throws Exception {
        double skipped = metric(get("/metrics").body(), "fint_consumer_records_skipped", "");
        feed.entity(KJONN, "landkode", "NO", "{\"systemId\":{\"identifikatorverdi\":\"NO\"}}", 1);
        feed.entity(KJONN, "landkode", "SE", "{\"systemId\":{\"identifikatorverdi\":\"SE\"}}", 1);
        feed.entity(KJONN, "landkode", "XX", "{not json", 1);
        String landkode = "resource=\"/felles/kodeverk/iso/landkode\"";
        String m = poll("/metrics", x -> metric(x.body(), "fint_consumer_resources", landkode) == 2
                && metric(x.body(), "fint_consumer_records_skipped", "") == skipped + 1).body();
        assertEquals(2, metric(m, "fint_consumer_resources", landkode), m);
        assertEquals(skipped + 1, metric(m, "fint_consumer_records_skipped", ""), m);
        assertEquals(1, metric(m, "fint_consumer_ready", ""), m);
        double rebuild = metric(m, "fint_consumer_rebuild_seconds", "");
        assertTrue(rebuild >= 0 && Double.isFinite(rebuild), m);
        assertTrue(metric(m, "fint_consumer_records_applied", "") >= 2, m);
        assertTrue(metric(m, "fint_consumer_lag_records", "") >= 0, m);
        assertEquals(0, metric(m, "fint_consumer_resources", "resource=\"/utdanning/elev/elevtilrettelegging\""), m);
    }

    /** The value of the one line of {@code name} for this organisation whose tags contain {@code tags}. */
    static double metric(String metrics, String name, String tags) {
        return Arrays.stream(metrics.split("\n"))
                .filter(l -> l.startsWith(name + "{") && l.contains("org=\"fint.no\"") && l.contains(tags))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .reduce((a, b) -> {
                    throw new AssertionError("more than one line of " + name + " with " + tags);
                })
                .orElse(Double.NaN);
    }

    @Test
    void followsDeltasAndTombstones() throws Exception {
        feed.entity(ELEV, "elev", "t1", elev("t1", "1"), 100);
        HttpResponse<String> r = poll("/utdanning/elev/elev/systemid/t1", x -> x.statusCode() == 200);
        assertEquals("{\"elevnummer\":{\"identifikatorverdi\":\"1\"},\"systemId\":{\"identifikatorverdi\":\"t1\"},\"_links\":{\"self\":["
                + "{\"href\":\"" + B + "/utdanning/elev/elev/elevnummer/1\"},{\"href\":\"" + B + "/utdanning/elev/elev/systemid/t1\"}]}}", r.body());
        assertEquals("application/hal+json;charset=UTF-8", r.headers().firstValue("Content-Type").orElseThrow());
        feed.entity(ELEV, "elev", "t1", elev("t1", "2"), 101);
        assertEquals(200, poll("/utdanning/elev/elev/elevnummer/2", x -> x.statusCode() == 200).statusCode());
        assertEquals(404, get("/utdanning/elev/elev/elevnummer/1").statusCode());
        feed.entity(ELEV, "elev", "t1", elev("t1", "0"), 50); // older: ignored
        feed.delete(ELEV, "elev", "t1", 102);
        r = poll("/utdanning/elev/elev/systemid/t1", x -> x.statusCode() == 404);
        assertEquals(404, r.statusCode());
        assertEquals("{\"message\":\"t1\",\"exception\":\"class no.fint.consumer.exceptions.EntityNotFoundException\"}", r.body());
        assertEquals(404, get("/utdanning/elev/elev/elevnummer/0").statusCode());
    }

    @Test
    void mergesInverseLinksFromEdgesEvenWhenTheEdgeCameFirst() throws Exception {
        feed.edge(ELEV, "/utdanning/elev/elev/elevnummer/7001", "elevforhold", ELEV, "elevforhold", "EF2", "/utdanning/elev/elevforhold/systemid/EF2");
        feed.edge(ELEV, "/utdanning/elev/elev/systemid/m1", "elevforhold", ELEV, "elevforhold", "EF1", "/utdanning/elev/elevforhold/systemid/EF1");
        feed.entity(ELEV, "elev", "m1", "{\"elevnummer\":{\"identifikatorverdi\":\"7001\"},\"systemId\":{\"identifikatorverdi\":\"m1\"},"
                + "\"_links\":{\"person\":[{\"href\":\"/utdanning/elev/person/fodselsnummer/1\"}]}}", 1);
        String expected = "{\"elevnummer\":{\"identifikatorverdi\":\"7001\"},\"systemId\":{\"identifikatorverdi\":\"m1\"},\"_links\":{"
                + "\"person\":[{\"href\":\"" + B + "/utdanning/elev/person/fodselsnummer/1\"}],"
                + "\"elevforhold\":[{\"href\":\"" + B + "/utdanning/elev/elevforhold/systemid/EF1\"},{\"href\":\"" + B + "/utdanning/elev/elevforhold/systemid/EF2\"}],"
                + "\"self\":[{\"href\":\"" + B + "/utdanning/elev/elev/elevnummer/7001\"},{\"href\":\"" + B + "/utdanning/elev/elev/systemid/m1\"}]}}";
        assertEquals(expected, poll("/utdanning/elev/elev/systemid/m1", x -> x.body().equals(expected)).body());
        long before = Long.parseLong(get("/utdanning/elev/elev/last-updated").body().replaceAll("\\D", ""));
        feed.edge(ELEV, "/utdanning/elev/elev/elevnummer/7001", "elevforhold", ELEV, "elevforhold", "EF2", null);
        HttpResponse<String> r = poll("/utdanning/elev/elev/systemid/m1", x -> !x.body().contains("EF2"));
        assertTrue(r.body().contains("EF1") && !r.body().contains("EF2"), r.body());
        long after = Long.parseLong(get("/utdanning/elev/elev/last-updated").body().replaceAll("\\D", ""));
        assertTrue(after >= before);
        assertTrue(get("/utdanning/elev/elev?sinceTimeStamp=" + (after - 1)).body().contains("\"m1\""), "the edge removal renewed lastUpdated");
    }

    @Test
    void contentNegotiation() throws Exception {
        feed.entity(ELEV, "elev", "cn1", elev("cn1", "cn"), 1);
        poll("/utdanning/elev/elev/systemid/cn1", x -> x.statusCode() == 200);
        assertEquals("application/json;charset=UTF-8", get("/utdanning/elev/elev/systemid/cn1", "Accept", "application/json").headers().firstValue("Content-Type").orElseThrow());
        assertEquals("application/hal+json;charset=UTF-8", get("/utdanning/elev/elev/systemid/cn1", "Accept", "*/*").headers().firstValue("Content-Type").orElseThrow());
        assertEquals("application/json;charset=UTF-8", get("/utdanning/elev/elev", "Accept", "application/json").headers().firstValue("Content-Type").orElseThrow());
        assertEquals("application/hal+json;charset=UTF-8", get("/utdanning/elev/elev/cache/size").headers().firstValue("Content-Type").orElseThrow());
        assertEquals("application/json;charset=UTF-8", get("/utdanning/elev/admin/assets").headers().firstValue("Content-Type").orElseThrow());
        assertEquals("application/json;charset=UTF-8", get("/utdanning/elev/admin/assets", "Accept", "*/*").headers().firstValue("Content-Type").orElseThrow());
        // v1 (Spring) answered 406 to an Accept it could not produce; so does this service
        assertEquals(406, get("/utdanning/elev/elev/systemid/cn1", "Accept", "text/plain").statusCode());
        assertEquals(406, get("/utdanning/elev/admin/assets", "Accept", "application/hal+json").statusCode());
        assertEquals("application/json;charset=UTF-8", get("/utdanning/elev/elev/systemid/none", "Accept", "application/json").headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void caseInsensitivePathsAndNestedPackages() throws Exception {
        feed.entity(KJONN, "kjonn", "1", "{\"kode\":\"1\",\"navn\":\"Mann\",\"systemId\":{\"identifikatorverdi\":\"1\"}}", 1);
        HttpResponse<String> r = poll("/Felles/Kodeverk/ISO/Kjonn/SystemId/1", x -> x.statusCode() == 200);
        assertEquals("{\"kode\":\"1\",\"navn\":\"Mann\",\"systemId\":{\"identifikatorverdi\":\"1\"},\"_links\":{\"self\":[{\"href\":\"" + B
                + "/felles/kodeverk/iso/kjonn/systemid/1\"}]}}", r.body());
        assertEquals(200, get("/felles/kodeverk/iso/kjonn/").statusCode());
        assertEquals(200, get("/UTDANNING/elev/ELEV/Cache/Size").statusCode());
    }

    @Test
    void collectionsPagingAndTheirQuirks() throws Exception {
        for (String id : new String[]{"p3", "p1", "p5", "p2", "p4"}) {
            feed.entity(ELEV, "varsel", id, "{\"systemId\":{\"identifikatorverdi\":\"" + id + "\"}}", 1);
        }
        poll("/utdanning/elev/varsel/cache/size", x -> x.body().equals("{\"size\":5}"));
        String self = B + "/utdanning/elev/varsel/";
        String p2 = get("/utdanning/elev/varsel?offset=2&size=2&$filter=ignored").body();
        assertEquals("{\"_embedded\":{\"_entries\":["
                + "{\"systemId\":{\"identifikatorverdi\":\"p3\"},\"_links\":{\"self\":[{\"href\":\"" + self + "systemid/p3\"}]}},"
                + "{\"systemId\":{\"identifikatorverdi\":\"p4\"},\"_links\":{\"self\":[{\"href\":\"" + self + "systemid/p4\"}]}}]},"
                + "\"_links\":{\"self\":[{\"href\":\"" + self + "?offset=2&size=2\"}],\"prev\":[{\"href\":\"" + self + "?offset=0&size=2\"}],"
                + "\"next\":[{\"href\":\"" + self + "?offset=4&size=2\"}]},\"total_items\":5,\"offset\":2,\"size\":2}", p2);
        String all = get("/Utdanning/Elev/Varsel/?offset=3").body();
        assertTrue(all.endsWith("\"_links\":{\"self\":[{\"href\":\"" + self + "\"}]},\"total_items\":5,\"offset\":3,\"size\":5}"), all);
        long lu = Long.parseLong(get("/utdanning/elev/varsel/last-updated").body().replaceAll("\\D", ""));
        assertTrue(lu > 0);
        assertTrue(get("/utdanning/elev/varsel?sinceTimeStamp=" + lu).body().endsWith("\"total_items\":5,\"offset\":0,\"size\":0}"));
        assertEquals(get("/utdanning/elev/varsel").body(), get("/utdanning/elev/varsel").body(), "stable order");
        assertTrue(get("/utdanning/elev/varsel?size=2147483647&offset=1").body().endsWith("\"size\":4}"));
        assertEquals("{\"_embedded\":{\"_entries\":[]},\"_links\":{\"self\":[{\"href\":\"" + B + "/utdanning/elev/undervisningsforhold/\"}]},\"total_items\":0,\"offset\":0,\"size\":0}",
                get("/utdanning/elev/undervisningsforhold").body());
    }

    @Test
    void adminEndpointsComponentListingAndTypedOpenApi() throws Exception {
        feed.entity(ELEV, "skoleressurs", "s1", "{\"systemId\":{\"identifikatorverdi\":\"s1\"}}", 1);
        poll("/utdanning/elev/skoleressurs/cache/size", x -> x.body().equals("{\"size\":1}"));
        String orgs = get("/utdanning/elev/admin/organisations").body();
        assertTrue(orgs.startsWith("[\"urn:fint.no:fint.no:") && orgs.contains("\"urn:fint.no:fint.no:skoleressurs\""), orgs);
        assertEquals(orgs, get("/utdanning/elev/admin/organisations/fint.no").body());
        assertEquals("[]", get("/utdanning/elev/admin/organisations/rogfk.no").body());
        assertEquals("[\"fint.no\"]", get("/utdanning/elev/admin/assets").body());
        assertTrue(get("/utdanning/elev/admin/caches").body().contains("\"urn:fint.no:fint.no:skoleressurs\":1"));
        assertTrue(get("/utdanning/elev/admin/cache/status").body().matches("\\{\"fint.no\":\\{.*\"skoleressurs\":\\{\"lastUpdated\":\"[0-9T:-]+Z\",\"size\":1}.*}}"));
        // x-org-id and x-client are the token's (the served organisation, the token's cn), whatever is sent.
        HttpResponse<String> h = get("/utdanning/elev/admin/health", "x-org-id", "rogfk.no", "x-client", "me");
        assertEquals(200, h.statusCode(), h.body());
        assertTrue(h.body().matches("\\{\"corrId\":\"[0-9a-f-]+\",\"action\":\"HEALTH\",\"status\":\"CACHE_RESPONSE\",\"time\":\\d+,\"orgId\":\"fint.no\",\"source\":\"utdanning-elev\",\"client\":\"demo@client.fint.no\","
                + "\"data\":\\[\\{\"component\":\"utdanning-elev consumer\",\"status\":\"APPLICATION_HEALTHY\",\"timestamp\":\\d+,\"time\":\"[0-9T:.-]+Z\"}],\"responseStatus\":\"ACCEPTED\"}"), h.body());
        // (v1's 504 for another x-org-id, and its 400 without the headers, where a gateway sets them: ConsumerGatewayIT)
        String root = get("/utdanning/elev").body();
        assertTrue(root.contains("\"elev\":{\"collectionUrl\":\"" + B + "/utdanning/elev/elev\",\"oneUrl\":[\"" + B + "/utdanning/elev/elev/brukernavn/{id:.+}\""), root);
        assertEquals(root, get("/Utdanning/Elev/").body());
        HttpResponse<String> doc = get("/openapi/utdanning/elev");
        assertEquals(200, doc.statusCode());
        assertTrue(doc.body().contains("\"ElevforholdResource\""), "typed schema");
        assertEquals(200, get("/openapi/felles/kodeverk/iso").statusCode());
    }

    @Test
    void topicsCreatedAfterStartArePickedUp() throws Exception {
        Component late = Component.parse("utdanning/larling");
        try (Feed f = new Feed("fint.no")) {
            f.topics(late).entity(late, "larling", "l1", "{\"systemId\":{\"identifikatorverdi\":\"l1\"}}", 1);
        }
        assertEquals(200, poll("/utdanning/larling/larling/systemid/l1", x -> x.statusCode() == 200).statusCode());
    }

    @Test
    void pathsThatAreNotOursRouteOn() {
        assertEquals(404, get("/nope").statusCode());
        assertEquals(404, get("/utdanning/nope/elev").statusCode());
        assertEquals(200, get("/health").statusCode());
    }
}
