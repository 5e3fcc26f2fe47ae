package no.fint.platform.consumer;

import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import no.fint.platform.auth.PrincipalKind;
import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.model.Component;
import no.fint.platform.tokens.EphemeralIdp;
import no.fint.platform.tokens.TokenRequest;
import no.fint.platform.write.ClientLedger;
import no.fint.platform.write.Operation;
import no.fint.platform.write.Problem;
import no.fint.platform.write.ResponseStatus;
import no.fint.platform.write.WriteAnswer;
import no.fint.platform.write.WriteEvent;
import no.fint.platform.write.WriteRequest;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consumer's write endpoints and v1's status table against a real broker, the test playing the
 * provider on the write log (so each answer, and when the entity record arrives, is under its
 * control): every row, and read-your-write (no 303 before the cache holds the adapter's version).
 */
@ExtendWith(KafkaBrokerExtension.class)
@HelidonTest
@AddConfig(key = "fint.consumer.org-id", value = "writes.no")
@AddConfig(key = "fint.consumer.base-url", value = "https://beta.felleskomponent.no")
@AddConfig(key = "fint.consumer.components", value = "utdanning/elev")
@AddConfig(key = "fint.consumer.deletable", value = "/utdanning/elev/elev")
class WriteStatusIT {

    static final Component ELEV = Component.parse("utdanning/elev");
    static final String B = "https://beta.felleskomponent.no";
    /** A client of writes.no with the component's role: x-org-id and x-client are the token's. */
    static final String TOKEN = EphemeralIdp.shared().client("writes.no", "utdanning-elev");
    static final String CLIENT = TokenRequest.defaultUsername(PrincipalKind.CLIENT, "writes.no");
    static Feed feed;
    static WriteLog log;

    @Inject
    WebTarget target;

    @BeforeAll
    static void topics() {
        feed = new Feed("writes.no").topics(ELEV);
        log = new WriteLog("writes.no");
    }

    @AfterAll
    static void close() {
        feed.close();
        log.close();
    }

    String url(String path) {
        return new TestHttp(target).url(path);
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) {
        return new TestHttp(target).json(method, path, body, TOKEN, headers);
    }

    HttpResponse<String> write(String method, String path, String body) {
        return send(method, path, body, "x-org-id", "writes.no", "x-client", "test");
    }

    HttpResponse<String> status(String location) {
        return send("GET", URI.create(location).getRawPath(), null, "x-org-id", "writes.no", "x-client", "test");
    }

    HttpResponse<String> await(String location, Predicate<HttpResponse<String>> done) throws InterruptedException {
        return TestHttp.poll(() -> status(location), done);
    }

    /** Sends a write, checks the 202, returns the request as it reached the write log. */
    WriteRequest accepted(HttpResponse<String> r) throws InterruptedException {
        assertEquals(202, r.statusCode(), r.body());
        assertEquals("", r.body());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.matches("https://beta\\.felleskomponent\\.no/utdanning/elev/elev/status/[0-9a-f-]{36}"), location);
        String corrId = location.substring(location.lastIndexOf('/') + 1);
        return log.awaitRequest(corrId, Duration.ofSeconds(20));
    }

    static String location(WriteRequest r) {
        return B + r.resource() + "/status/" + r.corrId();
    }

    WriteAnswer answer(WriteRequest r, ResponseStatus status, String message, String statusCode, List<Problem> problems,
                       String identifier, String resource, RecordMetadata entity) {
        WriteAnswer a = new WriteAnswer(r.corrId(), r.orgId(), "adapter", r.operation(), status, message, statusCode, problems, identifier,
                resource, 1, System.currentTimeMillis(), entity == null ? -1 : entity.partition(), entity == null ? -1 : entity.offset());
        log.write(new WriteEvent.Answered(a));
        return a;
    }

    @Test
    void aCreateIsSeeOtherOnlyOnceTheCacheHoldsTheAdaptersVersion() throws Exception {
        WriteRequest r = accepted(write("POST", "/utdanning/elev/elev", "{\"elevnummer\":{\"identifikatorverdi\":\"77\"},"
                + "\"_links\":{\"person\":[{\"href\":\"https://beta.felleskomponent.no/utdanning/elev/person/fodselsnummer/1\"}]}}"));
        assertEquals(Operation.CREATE, r.operation());
        assertEquals("/utdanning/elev/elev", r.resource());
        assertEquals("{\"elevnummer\":{\"identifikatorverdi\":\"77\"},\"_links\":{\"person\":[{\"href\":\"/utdanning/elev/person/fodselsnummer/1\"}]}}",
                r.value(), "validated and canonical, links as paths");
        assertEquals(CLIENT, r.client(), "x-client is the token's cn, whatever was sent");
        assertEquals(120_000, r.timeToLive() - r.created(), "fint.consumer.write.ttl");

        HttpResponse<String> pending = status(location(r));
        assertEquals(202, pending.statusCode());
        assertEquals("", pending.body());

        String stored = "{\"elevnummer\":{\"identifikatorverdi\":\"77\"},\"systemId\":{\"identifikatorverdi\":\"s77\"},"
                + "\"_links\":{\"person\":[{\"href\":\"/utdanning/elev/person/fodselsnummer/1\"}]}}";
        // The answer comes first and names an entity record that is not on the topic yet: still 202.
        RecordMetadata future = new RecordMetadata(new org.apache.kafka.common.TopicPartition("writes-no.fint-core.entity.utdanning-elev", 0),
                1_000_000, 0, 0, 0, 0);
        answer(r, ResponseStatus.ACCEPTED, null, null, null, "s77", stored, future);
        Thread.sleep(1_000);
        assertEquals(202, status(location(r)).statusCode(), "read your own write: not before the cache has it");
        assertEquals(404, send("GET", "/utdanning/elev/elev/systemid/s77", null).statusCode());
    }

    @Test
    void readYourWrite() throws Exception {
        WriteRequest r = accepted(write("POST", "/utdanning/elev/elev", "{\"elevnummer\":{\"identifikatorverdi\":\"78\"}}"));
        String stored = "{\"elevnummer\":{\"identifikatorverdi\":\"78\"},\"systemId\":{\"identifikatorverdi\":\"s78\"}}";
        RecordMetadata at = log.entity(ELEV, "elev", "s78", stored, r.corrId(), System.currentTimeMillis());
        answer(r, ResponseStatus.ACCEPTED, null, null, null, "s78", stored, at);
        HttpResponse<String> done = await(location(r), x -> x.statusCode() != 202);
        assertEquals(303, done.statusCode(), done.body());
        String self = B + "/utdanning/elev/elev/elevnummer/78";
        assertEquals(self, done.headers().firstValue("Location").orElseThrow(), "the first self link (v1 self-link order)");
        assertEquals("application/hal+json;charset=UTF-8", done.headers().firstValue("Content-Type").orElseThrow());
        String expected = "{\"elevnummer\":{\"identifikatorverdi\":\"78\"},\"systemId\":{\"identifikatorverdi\":\"s78\"},\"_links\":{\"self\":["
                + "{\"href\":\"" + self + "\"},{\"href\":\"" + B + "/utdanning/elev/elev/systemid/s78\"}]}}";
        assertEquals(expected, done.body());
        // Following Location shows what was written, at once.
        HttpResponse<String> read = send("GET", "/utdanning/elev/elev/elevnummer/78", null);
        assertEquals(200, read.statusCode());
        assertEquals(expected, read.body());
    }

    @Test
    void everyOtherRowOfTheStatusTable() throws Exception {
        // 200: an accepted validation, with the EventResponse
        WriteRequest v = accepted(write("POST", "/utdanning/elev/elev?validate=true", "{\"elevnummer\":{\"identifikatorverdi\":\"1\"}}"));
        assertEquals(Operation.VALIDATE, v.operation());
        answer(v, ResponseStatus.ACCEPTED, null, null, null, null, null, null);
        HttpResponse<String> ok = await(location(v), x -> x.statusCode() != 202);
        assertEquals(200, ok.statusCode());
        assertEquals("{\"responseStatus\":\"ACCEPTED\"}", ok.body());

        // 204: an accepted delete, once the tombstone is in the cache
        feed.entity(ELEV, "elev", "d1", "{\"systemId\":{\"identifikatorverdi\":\"d1\"}}", 1);
        WriteRequest d = accepted(write("DELETE", "/utdanning/elev/elev/systemid/d1", null));
        assertEquals(Operation.DELETE, d.operation());
        assertEquals("systemid/d1", d.query());
        RecordMetadata tomb = log.entity(ELEV, "elev", "d1", null, d.corrId(), System.currentTimeMillis());
        answer(d, ResponseStatus.ACCEPTED, null, null, null, "d1", null, tomb);
        HttpResponse<String> deleted = await(location(d), x -> x.statusCode() != 202);
        assertEquals(204, deleted.statusCode());
        assertEquals("", deleted.body());
        assertEquals(404, send("GET", "/utdanning/elev/elev/systemid/d1", null).statusCode());

        // 409: a conflict, with the conflicting resource as v1 serves it
        WriteRequest c = accepted(write("PUT", "/utdanning/elev/elev/systemid/c1", "{\"systemId\":{\"identifikatorverdi\":\"c1\"}}"));
        assertEquals(Operation.UPDATE, c.operation());
        assertEquals("systemid/c1", c.query());
        answer(c, ResponseStatus.CONFLICT, "endret", null, null, "c1", "{\"systemId\":{\"identifikatorverdi\":\"c1\"},\"_links\":{\"person\":"
                + "[{\"href\":\"/utdanning/elev/person/fodselsnummer/9\"}]}}", null);
        HttpResponse<String> conflict = await(location(c), x -> x.statusCode() != 202);
        assertEquals(409, conflict.statusCode());
        assertEquals("{\"systemId\":{\"identifikatorverdi\":\"c1\"},\"_links\":{\"person\":[{\"href\":\"" + B
                + "/utdanning/elev/person/fodselsnummer/9\"}],\"self\":[{\"href\":\"" + B + "/utdanning/elev/elev/systemid/c1\"}]}}", conflict.body());

        // 404 (the status its statusCode names) and 400 (no or another statusCode): rejections, the adapter's words unchanged
        WriteRequest nf = accepted(write("PUT", "/utdanning/elev/elev/systemid/x", "{\"systemId\":{\"identifikatorverdi\":\"x\"}}"));
        answer(nf, ResponseStatus.REJECTED, "Elev finnes ikke", "NOT_FOUND", List.of(new Problem("systemId", "ukjent", "E42")), null, null, null);
        HttpResponse<String> notFound = await(location(nf), x -> x.statusCode() != 202);
        assertEquals(404, notFound.statusCode());
        assertEquals("{\"message\":\"Elev finnes ikke\",\"statusCode\":\"NOT_FOUND\",\"responseStatus\":\"REJECTED\",\"problems\":"
                + "[{\"field\":\"systemId\",\"message\":\"ukjent\",\"code\":\"E42\"}]}", notFound.body());
        WriteRequest bad = accepted(write("POST", "/utdanning/elev/elev", "{\"elevnummer\":{\"identifikatorverdi\":\"x\"}}"));
        answer(bad, ResponseStatus.REJECTED, "Ugyldig", null, List.of(new Problem("elevnummer", "bare sifre", null)), null, null, null);
        HttpResponse<String> rejected = await(location(bad), x -> x.statusCode() != 202);
        assertEquals(400, rejected.statusCode());
        assertEquals("{\"message\":\"Ugyldig\",\"responseStatus\":\"REJECTED\",\"problems\":[{\"field\":\"elevnummer\",\"message\":\"bare sifre\"}]}",
                rejected.body());

        // 500: the adapter's error
        WriteRequest e = accepted(write("POST", "/utdanning/elev/elev", "{}"));
        answer(e, ResponseStatus.ERROR, "Kildesystemet svarer ikke", null, null, null, null, null);
        HttpResponse<String> error = await(location(e), x -> x.statusCode() != 202);
        assertEquals(500, error.statusCode());
        assertEquals("{\"message\":\"Kildesystemet svarer ikke\",\"responseStatus\":\"ERROR\"}", error.body());

        // 500: nobody answered in time
        WriteRequest x = accepted(write("POST", "/utdanning/elev/elev", "{}"));
        log.write(new WriteEvent.Expired(x.corrId(), x.orgId(), System.currentTimeMillis()));
        HttpResponse<String> expired = await(location(x), y -> y.statusCode() != 202);
        assertEquals(500, expired.statusCode());
        assertEquals("{\"message\":\"Event expired\",\"statusCode\":\"EXPIRED\",\"responseStatus\":\"ERROR\"}", expired.body());

        // 410: unknown, or under another resource's path. (400 Invalid OrgId and 400 without the headers
        // need headers a gateway sets: ConsumerGatewayIT; another organisation's token is 403: ConsumerAuthIT.)
        HttpResponse<String> gone = status(B + "/utdanning/elev/elev/status/no-such-write");
        assertEquals(410, gone.statusCode());
        assertEquals("", gone.body());
        assertEquals(410, status(B + "/utdanning/elev/skoleressurs/status/" + x.corrId()).statusCode());
    }

    @Test
    void aStatusIsGoneThirtyMinutesAfterTheWrite() throws Exception {
        // A validation this organisation's consumer wrote 29 minutes 45 seconds ago (before a restart),
        // answered: the status is known from the write log, then gone once the 30 minutes are up.
        long created = System.currentTimeMillis() - ClientLedger.KEPT.toMillis() + 15_000;
        WriteRequest old = new WriteRequest(java.util.UUID.randomUUID().toString(), "writes.no", "/utdanning/elev/elev", Operation.VALIDATE,
                null, "{\"elevnummer\":{\"identifikatorverdi\":\"1\"}}", created, created + 120_000, "test");
        log.write(new WriteEvent.Requested(old));
        answer(old, ResponseStatus.ACCEPTED, null, null, null, null, null, null);
        // unknown (410) until the request is read, pending (202) until the answer is
        HttpResponse<String> known = await(location(old), x -> x.statusCode() != 410 && x.statusCode() != 202);
        assertEquals(200, known.statusCode(), "read back from the write log: " + known.body());
        HttpResponse<String> later = await(location(old), x -> x.statusCode() != 200);
        assertEquals(410, later.statusCode(), "30 minutes after the write");
        assertEquals("", later.body());
        assertTrue(System.currentTimeMillis() - created >= ClientLedger.KEPT.toMillis(), "not before the 30 minutes");
    }
}
