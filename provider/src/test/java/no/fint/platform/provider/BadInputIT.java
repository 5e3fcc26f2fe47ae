package no.fint.platform.provider;

import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.fint.platform.auth.PrincipalKind;
import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.service.Problems;
import no.fint.platform.tokens.EphemeralIdp;
import no.fint.platform.tokens.TokenRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of bad input gets a clear problem+json answer and changes nothing: each test uses an
 * organisation of its own and checks that no record reached its entity topic and no session record
 * was written for the sync.
 */
@ExtendWith(KafkaBrokerExtension.class)
@HelidonTest
class BadInputIT {

    @Inject
    WebTarget target;

    private String org;
    private String adapter;
    private String corrId;

    @BeforeEach
    void adapterOfItsOwn(TestInfo test) {
        ProviderServiceIT.Await.ready(target);
        org = test.getTestMethod().orElseThrow().getName().toLowerCase(Locale.ROOT) + ".no";
        adapter = Adapters.register(target, org, "utdanning/elev/elev");
        corrId = "bad-" + org;
    }

    private String topic() {
        return org.replace('.', '-') + ".fint-core.entity.utdanning-elev";
    }

    /** The answer is problem+json with the status, and nothing reached Kafka. */
    private String assertRefused(Response r, int status) {
        return assertRefused(r.getStatus(), String.valueOf(r.getMediaType()), r.readEntity(String.class), status);
    }

    /** As {@link #assertRefused(Response, int)}, for a PATCH or DELETE page ({@link Adapters#send}). */
    private String assertRefused(HttpResponse<String> r, int status) {
        return assertRefused(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), status);
    }

    private String assertRefused(int got, String mediaType, String body, int status) {
        assertEquals(status, got, body);
        assertEquals("application/problem+json", mediaType, body);
        assertTrue(body.contains("\"status\":" + status), body);
        assertEquals(0, TestKafka.count(KafkaBrokerExtension.bootstrapServers(), topic()), "records reached " + topic());
        assertTrue(TestKafka.read(KafkaBrokerExtension.bootstrapServers(), "fint-core.sync-session").stream()
                .noneMatch(x -> x.key().startsWith(corrId)), "a session record was written");
        return body;
    }

    private Response post(String page) {
        return Adapters.post(target, "/provider/utdanning/elev/elev", page);
    }

    private HttpResponse<String> send(String method, String page) {
        return Adapters.send(target, method, "/provider/utdanning/elev/elev", page);
    }

    private String page(long totalSize, long page, long totalPages, List<String> entries) {
        return Adapters.page(corrId, org, adapter, totalSize, page, totalPages, entries);
    }

    @Test
    void malformedJson() {
        String body = assertRefused(post("{\"metadata\":{\"corrId\":\"x\",\"orgId\":"), 400);
        assertTrue(body.contains("Malformed JSON"), body);
        assertRefused(post("{\"metadata\":{\"corrId\":\"" + corrId + "\",\"orgId\":\"" + org + "\"},\"resources\":{}}"), 400);
    }

    @Test
    void envelopeWithoutMetadataOrResources() {
        String body = assertRefused(post("{\"resources\":[]}"), 400);
        assertTrue(body.contains("\"field\":\"metadata\"") && body.contains("\"reason\":\"required\""), body);
        body = assertRefused(post("{\"metadata\":{\"corrId\":\"" + corrId + "\",\"orgId\":\"" + org + "\",\"page\":0}}"), 400);
        assertTrue(body.contains("\"field\":\"resources\"") && body.contains("\"field\":\"metadata.page\""), body);
    }

    @Test
    void wrongContentType() {
        Response r = target.path("/provider/utdanning/elev/elev").request()
                .post(Entity.entity(page(1, 1, 1, Adapters.elevs("1")), MediaType.TEXT_PLAIN));
        String body = assertRefused(r, 415);
        assertTrue(body.contains("Unsupported Media Type"), body);
    }

    @Test
    void bodyOverTheLimitOf16MiB() {
        List<String> entries = new ArrayList<>();
        String filler = "x".repeat(4000);
        for (int i = 0; i < 4300; i++) {
            entries.add("{\"identifier\":\"" + i + "\",\"resource\":{\"systemId\":{\"identifikatorverdi\":\"" + i + "\"},\"filler\":\"" + filler + "\"}}");
        }
        String big = page(4300, 1, 1, entries);
        assertTrue(big.length() > 16 * 1024 * 1024);
        String body = assertRefused(post(big), 413);
        assertTrue(body.contains("fint.provider.max-body-bytes"), body);
        // without a Content-Length (chunked): counted while read
        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = Adapters.send(target, "POST", "/provider/utdanning/elev/elev",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
        assertEquals(413, chunked.statusCode(), chunked.body());
        assertTrue(chunked.body().contains("fint.provider.max-body-bytes"), chunked.body());
        assertEquals(0, TestKafka.count(KafkaBrokerExtension.bootstrapServers(), topic()), "records reached " + topic());
    }

    @Test
    void contractAndHeartbeatOverTheLimitWithoutALength() {
        // A chunked contract or heartbeat is counted while read, as a page is.
        byte[] big = ("{\"adapterId\":\"" + "x".repeat(16 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        for (String path : List.of("/provider/register", "/provider/heartbeat")) {
            HttpResponse<String> r = Adapters.send(target, "POST", path, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));
            assertEquals(413, r.statusCode(), path + ": " + r.body());
            assertEquals(Problems.MEDIA_TYPE, r.headers().firstValue("Content-Type").orElseThrow(), path);
            assertTrue(r.body().contains("fint.provider.max-body-bytes"), path + ": " + r.body());
        }
    }

    @Test
    void malformedEscapeInTheQueryIs400WithoutTheInternalUrl() {
        for (String path : List.of("/provider/adapter?orgId=%zz", "/provider/adapter?orgId={x}", "/health/ready?x=%zz", "/metrics?x=%4")) {
            Adapters.Answer r = Adapters.lenient(target, path);
            assertEquals(400, r.status(), path + ": " + r.body());
            assertEquals(Problems.MEDIA_TYPE, r.contentType(), path);
            assertTrue(r.body().contains("\"status\":400") && r.body().contains("query string"), path + ": " + r.body());
            assertTrue(!r.body().contains("http:") && !r.body().contains("localhost"), path + ": " + r.body());
        }
    }

    /**
     * What Helidon refuses before routing, a request line over its 4 KiB, a header block over its 16 KiB
     * or a declared length over {@code server.max-payload-size} (64 MiB here), is problem+json like every
     * other refusal, not Helidon's text/plain ({@code platform} {@code TransportProblems}).
     */
    @Test
    void refusedBeforeRoutingIsAProblemToo() {
        Adapters.Answer uri = Adapters.raw(target, "GET /provider/adapter?orgId=" + "x".repeat(5000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertProblem(uri, 414, "Request-URI Too Long", "Request URI too long.");
        Adapters.Answer headers = Adapters.raw(target, "GET /provider/adapter HTTP/1.1\r\nHost: localhost\r\nX-Filler: " + "x".repeat(20_000)
                + "\r\n\r\n");
        assertProblem(headers, 400, "Bad Request", "Header size exceeded");
        Adapters.Answer payload = Adapters.raw(target, "POST /provider/utdanning/elev/elev HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + (64 * 1024 * 1024 + 1) + "\r\n\r\n");
        assertProblem(payload, 413, "Payload Too Large", "(67108864 bytes, server.max-payload-size)");
        assertEquals(0, TestKafka.count(KafkaBrokerExtension.bootstrapServers(), topic()), "records reached " + topic());
    }

    private static void assertProblem(Adapters.Answer r, int status, String title, String detail) {
        assertEquals(status, r.status(), r.body());
        assertEquals(Problems.MEDIA_TYPE, r.contentType(), r.body());
        assertTrue(r.body().startsWith("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"")
                && r.body().contains(detail + "\"}"), r.body());
    }

    @Test
    void unknownDomainPackageOrResource() {
        for (String path : List.of("/provider/utdanning/elev/nope", "/provider/utdanning/nope/elev", "/provider/nope/elev/elev",
                "/provider/felles/kodeverk/nope/kjonn")) {
            String body = assertRefused(Adapters.post(target, path, page(1, 1, 1, Adapters.elevs("1"))), 404);
            assertTrue(body.contains("is not a resource of FINT information model 4.0.30"), body);
        }
    }

    @Test
    void orgNotMatchingTheAdaptersContract() {
        String other = Adapters.page(corrId, "someone-else.no", adapter, 1, 1, 1, Adapters.elevs("1"));
        String body = assertRefused(post(other), 403);
        assertTrue(body.contains("organisation someone-else.no is not one of the token's organisations"), body);
        // With a token for both organisations, the contract (registered for the test's own) still refuses it.
        Bearer.use(target, EphemeralIdp.shared().mint(EphemeralIdp.shared().request(PrincipalKind.ADAPTER,
                TokenRequest.defaultUsername(PrincipalKind.ADAPTER, org), List.of(org, "someone-else.no"), "utdanning-elev")));
        body = assertRefused(post(other), 403);
        assertTrue(body.contains("adapter " + adapter + " has no registered contract for organisation someone-else.no"), body);
        assertEquals(0, TestKafka.count(KafkaBrokerExtension.bootstrapServers(), "someone-else-no.fint-core.entity.utdanning-elev"));
    }

    @Test
    void adapterWithoutContractOrCapability() {
        String unregistered = Adapters.page(corrId, org, "https://nobody.example/x", 1, 1, 1, Adapters.elevs("1"));
        assertTrue(assertRefused(post(unregistered), 403).contains("has no registered contract"));
        String body = assertRefused(Adapters.post(target, "/provider/utdanning/elev/elevforhold", page(1, 1, 1, Adapters.elevs("1"))), 403);
        assertTrue(body.contains("does not declare the capability /utdanning/elev/elevforhold"), body);
    }

    @Test
    void pageNumberOutOfRange() {
        String body = assertRefused(post(page(4, 3, 2, Adapters.elevs("1", "2"))), 400);
        assertTrue(body.contains("\"field\":\"metadata.page\"") && body.contains("page 3 is out of range 1..2"), body);
        assertRefused(post(page(4, 0, 2, Adapters.elevs("1", "2"))), 400);
    }

    /**
     * QA: page 2,000,000,000 of as many took 250 MB of heap per sync (a set of pages received sized by
     * the page number), and page Long.MAX_VALUE answered 500 after its records were written and its
     * session had superseded the sync in progress.
     */
    @Test
    void pageNumbersAboveTheLimitsAreRefusedBeforeAnythingChanges() {
        long big = 2_000_000_000L;
        long max = Long.MAX_VALUE;
        String body = assertRefused(post(page(big, big, big, Adapters.elevs("qa203"))), 400);
        assertTrue(body.contains("\"field\":\"metadata.totalSize\"") && body.contains("10000000"), body);
        assertTrue(body.contains("\"field\":\"metadata.totalPages\"") && body.contains("100000"), body);
        assertRefused(post(page(max, max, max, Adapters.elevs("qa203"))), 400);
        assertRefused(send("PATCH", page(max, max, max, Adapters.elevs("qa203"))), 400);
        assertRefused(send("DELETE", page(max, max, max, List.of("{\"identifier\":\"qa203\"}"))), 400);
        body = assertRefused(post(page(10, 1, 1, Adapters.elevs("1")).replace("\"pageSize\":1,", "\"pageSize\":100001,")), 400);
        assertTrue(body.contains("\"field\":\"metadata.pageSize\""), body);

        // A full sync in progress is neither superseded nor touched by such a page.
        String earlier = "earlier-" + org;
        Response started = post(Adapters.page(earlier, org, adapter, 2, 1, 2, Adapters.elevs("a")));
        assertEquals(201, started.getStatus(), started.readEntity(String.class));
        long records = TestKafka.count(KafkaBrokerExtension.bootstrapServers(), topic());
        Response r = post(page(max, max, max, Adapters.elevs("b")));
        assertEquals(400, r.getStatus(), r.readEntity(String.class));
        assertEquals(records, TestKafka.count(KafkaBrokerExtension.bootstrapServers(), topic()));
        String status = target.path("/provider/sync/" + earlier).request().get(String.class);
        assertTrue(status.contains("\"state\":\"IN_PROGRESS\"") && status.contains("\"pagesReceived\":1"), status);
    }

    /** A delta page with a page number but no totals was a 500 (its session could not be made). */
    @Test
    void aDeltaPageWithSomePageNumbersButNotAll() {
        String partial = "{\"metadata\":{\"corrId\":\"" + corrId + "\",\"orgId\":\"" + org + "\",\"adapterId\":\"" + adapter
                + "\",\"page\":3},\"resources\":[" + Adapters.elev("1") + "]}";
        String body = assertRefused(send("PATCH", partial), 400);
        assertTrue(body.contains("\"field\":\"metadata.totalSize\"") && body.contains("\"field\":\"metadata.totalPages\""), body);
    }

    /**
     * QA: an identifier "qa" + U+D800 (an unpaired surrogate, escaped in JSON) was stored under "qa?",
     * UTF-8 having no encoding for it, and a delete page naming it deleted "qa?".
     */
    @Test
    void identifiersAndCorrIdsWithAnUnpairedSurrogate() {
        String entry = "{\"identifier\":\"qa\\ud800\",\"resource\":{\"systemId\":{\"identifikatorverdi\":\"qa\\ud800\"}}}";
        String body = assertRefused(send("PATCH", page(1, 1, 1, List.of(entry))), 400);
        assertTrue(body.contains("\"field\":\"identifier\"") && body.contains("unpaired UTF-16 surrogate"), body);
        assertTrue(body.contains("\"field\":\"systemId.identifikatorverdi\""), body);
        assertRefused(send("DELETE", page(1, 1, 1, List.of("{\"identifier\":\"qa\\ud800\"}"))), 400);
        assertRefused(send("DELETE", page(1, 1, 1, List.of("{\"identifier\":\"${utdanning.elev.elev}/systemid/qa\\udc00\"}"))), 400);
        // the corrId is a key of the session topic: "bad-...?" would be another sync's
        body = assertRefused(send("PATCH", Adapters.page(corrId + "\\ud800", org, adapter, 1, 1, 1, Adapters.elevs("1"))), 400);
        assertTrue(body.contains("\"field\":\"metadata.corrId\""), body);
    }

    @Test
    void totalPagesAndTotalSizeInconsistent() {
        String body = assertRefused(post(page(1, 1, 2, Adapters.elevs("1"))), 400);
        assertTrue(body.contains("\"field\":\"metadata.totalPages\""), body);
        body = assertRefused(post(page(1, 1, 1, Adapters.elevs("1", "2"))), 400);
        assertTrue(body.contains("more than totalSize 1"), body);
    }

    @Test
    void missingIdentifiers() {
        List<String> entries = new ArrayList<>(Adapters.elevs("1"));
        entries.add("{\"resource\":{\"systemId\":{\"identifikatorverdi\":\"2\"}}}");
        entries.add("{\"identifier\":\"\",\"resource\":{\"systemId\":{\"identifikatorverdi\":\"3\"}}}");
        String body = assertRefused(post(page(3, 1, 1, entries)), 400);
        assertTrue(body.contains("{\"index\":1,") && body.contains("{\"index\":2,") && body.contains("\"reason\":\"missing\""), body);
        assertTrue(body.contains("nothing was written"), body);
    }

    @Test
    void duplicateIdentifiers() {
        String body = assertRefused(post(page(3, 1, 1, Adapters.elevs("1", "2", "1"))), 400);
        assertTrue(body.contains("\"index\":2") && body.contains("duplicate identifier '1' (also at index 0)"), body);
    }

    @Test
    void identifierMatchingNoneOfTheIdentifierValues() {
        String entry = "{\"identifier\":\"42\",\"resource\":{\"systemId\":{\"identifikatorverdi\":\"1\"},\"elevnummer\":{\"identifikatorverdi\":\"7\"}}}";
        String body = assertRefused(post(page(1, 1, 1, List.of(entry))), 400);
        assertTrue(body.contains("'42' matches none of the identifier values of Elev (elevnummer=7, systemId=1)"), body);
    }

    @Test
    void invalidResourcesAreListedEntryByEntry() {
        List<String> entries = new ArrayList<>(Adapters.elevs("1"));
        entries.add("{\"identifier\":\"2\",\"resource\":{\"systemId\":{\"identifikatorverdi\":\"2\"},\"gjest\":\"ja\",\"ukjent\":1}}");
        entries.add("{\"identifier\":\"3\",\"resource\":{\"systemId\":{\"identifikatorverdi\":\"3\",\"gyldighetsperiode\":{\"start\":\"31.12.2019\"}},"
                + "\"_links\":{\"elevforhold\":[{\"href\":\"${utdanning.elev.nope}/systemid/1\"}],\"venn\":[]}}}");
        String body = assertRefused(post(page(3, 1, 1, entries)), 400);
        for (String expected : List.of("\"field\":\"ukjent\"", "\"field\":\"gjest\"", "\"field\":\"systemId.gyldighetsperiode.start\"",
                "\"field\":\"_links.elevforhold[0].href\"", "\"field\":\"_links.venn\"", "5 problem(s)")) {
            assertTrue(body.contains(expected), expected + " in " + body);
        }
    }

    /** QA: page 1.9 was taken as page 1; a fraction where a whole number belongs is refused, naming the field. */
    @Test
    void aFractionalPageNumberIsRefused() {
        String body = assertRefused(post(page(2, 1, 1, Adapters.elevs("1", "2")).replace("\"page\":1,", "\"page\":1.9,")), 400);
        assertTrue(body.contains("Malformed JSON") && body.contains("1.9") && body.contains("\"field\":\"metadata.page\""), body);
    }

    /** Records of the adapter's contract on the contract topic, and heartbeats naming it on the heartbeat topic. */
    private long contractRecords() {
        return TestKafka.read(KafkaBrokerExtension.bootstrapServers(), "fint-core.adapter-contract").stream()
                .filter(x -> adapter.equals(x.key())).count();
    }

    private long heartbeatRecords() {
        return TestKafka.read(KafkaBrokerExtension.bootstrapServers(), "fint-core.adapter-heartbeat").stream()
                .filter(x -> x.value() != null && x.value().contains(adapter)).count();
    }

    private String contract(String days, String minutes, String extra) {
        return "{\"adapterId\":\"" + adapter + "\",\"orgId\":\"" + org + "\",\"heartbeatIntervalInMinutes\":" + minutes + extra
                + ",\"capabilities\":[{\"domainName\":\"utdanning\",\"packageName\":\"elev\",\"resourceName\":\"elev\","
                + "\"fullSyncIntervalInDays\":" + days + extra + "}]}";
    }

    /**
     * Contract and heartbeat bodies are read with the platform's mapper, as pages and answers are: a
     * fraction where a whole number belongs is 400 naming the field, and nothing is stored (Jersey's own
     * Jackson provider took 2.5 days as 2, and time 1.5 as 1).
     */
    @Test
    void aFractionInAContractOrHeartbeatIsRefused() {
        long contracts = contractRecords();
        assertEquals(1, contracts);
        for (String[] bad : List.of(new String[]{contract("2.5", "1", ""), "capabilities[0].fullSyncIntervalInDays"},
                new String[]{contract("2", "2.5", ""), "heartbeatIntervalInMinutes"})) {
            HttpResponse<String> r = Adapters.send(target, "POST", "/provider/register", bad[0]);
            String body = assertRefused(r, 400);
            assertTrue(body.contains("\"field\":\"" + bad[1] + "\"") && body.contains("2.5"), body);
        }
        HttpResponse<String> r = Adapters.send(target, "POST", "/provider/heartbeat",
                "{\"adapterId\":\"" + adapter + "\",\"orgId\":\"" + org + "\",\"time\":1.5}");
        String body = assertRefused(r, 400);
        assertTrue(body.contains("\"field\":\"time\"") && body.contains("1.5"), body);

        assertEquals(contracts, contractRecords(), "a contract record was written");
        assertEquals(0, heartbeatRecords(), "a heartbeat record was written");
        String status = target.path("/provider/adapter").queryParam("orgId", org).request().get(String.class);
        assertTrue(status.contains("\"fullSyncIntervalInDays\":1,") && status.contains("\"heartbeatIntervalInMinutes\":1,")
                && status.contains("\"heartbeat\":\"AWAITING\""), status);
    }

    /** Our reader leaves an empty body or JSON null to the generated interface's @NotNull, as Jersey's did. */
    @Test
    void anEmptyOrNullContractOrHeartbeat() {
        for (String path : List.of("/provider/register", "/provider/heartbeat")) {
            for (String body : List.of("", "null", "[]")) {
                String answer = assertRefused(Adapters.send(target, "POST", path, body), 400);
                assertTrue(answer.contains(body.equals("[]") ? "Malformed JSON" : "\"field\":\"body\""), path + " " + body + ": " + answer);
            }
        }
        assertEquals(1, contractRecords());
        assertEquals(0, heartbeatRecords());
    }

    /**
     * A property the schema does not name is ignored in a contract or heartbeat as in every envelope of
     * the provider API (the schemas do not forbid additional properties, and v2 adapters serialise
     * classes with derived getters): accepted, and not stored.
     */
    @Test
    void unknownPropertiesInAContractOrHeartbeatAreIgnored() {
        HttpResponse<String> r = Adapters.send(target, "POST", "/provider/register", contract("2", "1", ",\"unknownToFint\":{\"x\":[1]}"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"fullSyncIntervalInDays\":2") && !r.body().contains("unknownToFint"), r.body());
        assertEquals(2, contractRecords());
        assertTrue(TestKafka.read(KafkaBrokerExtension.bootstrapServers(), "fint-core.adapter-contract").stream()
                .noneMatch(x -> x.value() != null && x.value().contains("unknownToFint")));
        r = Adapters.send(target, "POST", "/provider/heartbeat",
                "{\"adapterId\":\"" + adapter + "\",\"orgId\":\"" + org + "\",\"time\":1,\"unknownToFint\":true}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(1, heartbeatRecords());
        assertTrue(TestKafka.read(KafkaBrokerExtension.bootstrapServers(), "fint-core.adapter-heartbeat").stream()
                .noneMatch(x -> x.value() != null && x.value().contains("unknownToFint")));
    }

    @Test
    void invalidContracts() {
        String body = target.path("/provider/register").request().post(Entity.json("""
                {"adapterId":"x","orgId":"bad org","capabilities":[{"domainName":"utdanning","packageName":"elev","resourceName":"nope",
                 "fullSyncIntervalInDays":9}]}""")).readEntity(String.class);
        assertTrue(body.contains("\"field\":\"capabilities[0]\"") && body.contains("capabilities[0].fullSyncIntervalInDays")
                && body.contains("\"field\":\"orgId\""), body);
        // Another organisation's adapter cannot take the adapterId over, and is not told whose it is.
        Bearer.use(target, Adapters.token("thief.no", "utdanning-elev"));
        Response taken = target.path("/provider/register").request().post(Entity.json(
                "{\"adapterId\":\"" + adapter + "\",\"orgId\":\"thief.no\",\"capabilities\":[{\"domainName\":\"utdanning\",\"packageName\":\"elev\","
                        + "\"resourceName\":\"elev\",\"fullSyncIntervalInDays\":1}]}"));
        String answer = taken.readEntity(String.class);
        assertEquals(409, taken.getStatus(), answer);
        assertTrue(answer.contains("is taken") && !answer.contains("registered for"), answer);
        assertEquals("[]", target.path("/provider/adapter").queryParam("orgId", "thief.no").request().get(String.class));
    }
}
