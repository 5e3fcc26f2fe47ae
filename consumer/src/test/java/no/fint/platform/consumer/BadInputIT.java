package no.fint.platform.consumer;

import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.model.Component;
import no.fint.platform.render.JsonText;
import no.fint.platform.tokens.EphemeralIdp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input, one test each: every answer is the v1 one (never a 500), and after each the service still
 * answers a good request.
 */
@ExtendWith(KafkaBrokerExtension.class)
@HelidonTest
@AddConfig(key = "fint.consumer.org-id", value = "badinput.no")
class BadInputIT {

    static final Component ELEV = Component.parse("utdanning/elev");
    static final String TOKEN = EphemeralIdp.shared().client("badinput.no", "utdanning-elev");
    static final String SPRING_400 = "\\{\"timestamp\":\"[0-9T:-]+Z\",\"status\":400,\"error\":\"Bad Request\","
            + "\"exception\":\"org.springframework.web.method.annotation.MethodArgumentTypeMismatchException\",\"message\":\"Failed to convert value of type "
            + "'java.lang.String' to required type '(int|long)'; nested exception is java.lang.NumberFormatException: For input string: \\\\\".*\\\\\"\",\"path\":\"[^\"]+\"}";
    static Feed feed;

    @Inject
    WebTarget target;

    @BeforeAll
    static void data() {
        feed = new Feed("badinput.no").topics(ELEV);
        feed.entity(ELEV, "elev", "good", "{\"systemId\":{\"identifikatorverdi\":\"good\"}}", 1);
    }

    @AfterAll
    static void close() {
        feed.close();
    }

    HttpResponse<String> get(String path, String... headers) {
        return new TestHttp(target).json("GET", path, null, TOKEN, headers);
    }

    HttpResponse<String> poll(String path) throws InterruptedException {
        return TestHttp.poll(() -> get(path), r -> r.statusCode() == 200);
    }

    @AfterEach
    void serviceStillAnswers() throws InterruptedException {
        assertEquals(200, poll("/utdanning/elev/elev/systemid/good").statusCode());
        assertEquals(200, get("/health/live").statusCode());
    }

    @Test
    void unknownResource() {
        HttpResponse<String> r = get("/utdanning/elev/nosuchresource");
        assertEquals(404, r.statusCode());
        assertTrue(r.body().matches("\\{\"timestamp\":\"[0-9T:-]+Z\",\"status\":404,\"error\":\"Not Found\",\"message\":\"No message available\",\"path\":\"/utdanning/elev/nosuchresource\"}"), r.body());
        assertEquals("application/json;charset=UTF-8", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(404, get("/utdanning/elev/nosuchresource/systemid/1").statusCode());
    }

    @Test
    void unknownIdentifierField() {
        HttpResponse<String> r = get("/utdanning/elev/elev/fodselsnummer/1");
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("\"status\":404,\"error\":\"Not Found\",\"message\":\"No message available\",\"path\":\"/utdanning/elev/elev/fodselsnummer/1\""), r.body());
    }

    @Test
    void identifierValueNotCached() {
        HttpResponse<String> r = get("/utdanning/elev/elev/systemid/absent");
        assertEquals(404, r.statusCode());
        assertEquals("{\"message\":\"absent\",\"exception\":\"class no.fint.consumer.exceptions.EntityNotFoundException\"}", r.body());
        assertEquals("application/hal+json;charset=UTF-8", r.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void nonNumericSize() {
        HttpResponse<String> r = get("/utdanning/elev/elev?size=ten");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().matches(SPRING_400), r.body());
        assertTrue(r.body().contains("required type 'int'") && r.body().contains("For input string: \\\"ten\\\""), r.body());
    }

    @Test
    void nonNumericOffset() {
        HttpResponse<String> r = get("/utdanning/elev/elev?size=1&offset=1e3");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().matches(SPRING_400), r.body());
    }

    @Test
    void nonNumericSinceTimeStamp() {
        HttpResponse<String> r = get("/utdanning/elev/elev?sinceTimeStamp=2019-06-03");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().matches(SPRING_400), r.body());
        assertTrue(r.body().contains("required type 'long'"), r.body());
    }

    @Test
    void hugeSizeAndOffsetValues() {
        HttpResponse<String> all = get("/utdanning/elev/elev?size=2147483647");
        assertEquals(200, all.statusCode());
        assertTrue(all.body().endsWith("\"offset\":0,\"size\":1}"), all.body());
        HttpResponse<String> far = get("/utdanning/elev/elev?size=2147483647&offset=2147483647");
        assertEquals(200, far.statusCode());
        assertTrue(far.body().endsWith("\"offset\":2147483647,\"size\":0}"), far.body());
        assertEquals(400, get("/utdanning/elev/elev?size=2147483648").statusCode());
        assertEquals(400, get("/utdanning/elev/elev?size=99999999999999999999999999999").statusCode());
        assertEquals(400, get("/utdanning/elev/elev?sinceTimeStamp=99999999999999999999999999999").statusCode());
        assertEquals(200, get("/utdanning/elev/elev?size=-5&offset=-3").statusCode());
    }

    @Test
    void organisationWithoutData() {
        // x-org-id is the token's: a client cannot name another organisation (v1's 503 CacheNotFound for
        // one, where a gateway sets the header: ConsumerGatewayIT).
        HttpResponse<String> r = get("/utdanning/elev/elev/systemid/good", "x-org-id", "rogfk.no", "x-client", "someone");
        assertEquals(200, r.statusCode(), r.body());
        // this organisation's class without data: v1's empty collection, not an error
        HttpResponse<String> empty = get("/utdanning/elev/klasse", "x-org-id", "badinput.no");
        assertEquals(200, empty.statusCode());
        assertTrue(empty.body().startsWith("{\"_embedded\":{\"_entries\":[]}"), empty.body());
        assertEquals("{\"lastUpdated\":\"0\"}", get("/utdanning/elev/klasse/last-updated").body());
    }

    @Test
    void urlEncodedAndOddIdentifierValues() throws Exception {
        String[] odd = {"a.b", "a/b", "x y", "æøå", "..", "q\"x", "%41", "a+b", "a;b", "{x}", "a?b", "a#b", "tab\tin"};
        for (String v : odd) {
            feed.entity(ELEV, "elev", "odd-" + v, "{\"elevnummer\":{\"identifikatorverdi\":" + JsonText.quote(v) + "},\"systemId\":{\"identifikatorverdi\":"
                    + JsonText.quote("odd-" + v) + "}}", 1);
        }
        String[][] cases = {{"a.b", "a.b"}, {"a%2Fb", "a/b"}, {"a/b", "a/b"}, {"x%20y", "x y"}, {"%C3%A6%C3%B8%C3%A5", "æøå"}, {"%2E%2E", ".."},
                {"q%22x", "q\"x"}, {"%2541", "%41"}, {"a+b", "a+b"}, {"a;b", "a;b"}, {"%7Bx%7D", "{x}"}, {"a%3Fb", "a?b"}, {"a%23b", "a#b"}, {"tab%09in", "tab\tin"}};
        for (String[] c : cases) {
            HttpResponse<String> r = poll("/utdanning/elev/elev/elevnummer/" + c[0]);
            assertEquals(200, r.statusCode(), c[0]);
            assertTrue(r.body().contains("\"identifikatorverdi\":" + JsonText.quote(c[1])), c[0] + " -> " + r.body());
        }
        assertEquals(404, get("/utdanning/elev/elev/elevnummer/A.B").statusCode(), "values are exact");
        int malformed = new TestHttp(target).lenient("GET", "/utdanning/elev/elev/elevnummer/%ZZ", TOKEN).status();
        assertTrue(malformed == 404 || malformed == 400, "a malformed escape: " + malformed);
        HttpResponse<String> longValue = get("/utdanning/elev/elev/elevnummer/" + "x".repeat(3000));
        assertEquals(404, longValue.statusCode());
        HttpResponse<String> tooLong = get("/utdanning/elev/elev/elevnummer/" + "x".repeat(20000));
        assertNotEquals(500, tooLong.statusCode());
        assertTrue(tooLong.statusCode() >= 400 && tooLong.statusCode() < 500, "rejected by the server: " + tooLong.statusCode());
    }

    @Test
    void queryBodyOverItsLimitIs413AndNotReadToItsEnd() {
        TestHttp http = new TestHttp(target);
        // v1 ignored the $query body while the cache was on: a usual one gets the collection, whatever its type.
        for (String type : new String[]{"text/plain", "application/json", null}) {
            HttpResponse<String> ok = http.send("POST", "/utdanning/elev/elev/$query?size=1",
                    HttpRequest.BodyPublishers.ofString("elevnummer eq '1'"), type, TOKEN);
            assertEquals(200, ok.statusCode(), type + ": " + ok.body());
            assertTrue(ok.body().startsWith("{\"_embedded\":{\"_entries\":["), ok.body());
        }
        String tooLarge = ".*\"status\":413,\"error\":\"Payload Too Large\".*Maximum upload size of 65536 bytes exceeded.*";
        byte[] over = " ".repeat(65537).getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> declared = http.send("POST", "/utdanning/elev/elev/$query", HttpRequest.BodyPublishers.ofByteArray(over),
                "text/plain", TOKEN);
        assertEquals(413, declared.statusCode(), declared.body());
        assertTrue(declared.body().matches(tooLarge), declared.body());
        assertEquals("application/json;charset=UTF-8", declared.headers().firstValue("Content-Type").orElseThrow());
        // Without a length (chunked), as QA's 1.5 GB body came: counted while read, refused past the limit.
        HttpResponse<String> chunked = http.send("POST", "/utdanning/elev/elev/$query",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(over)), "text/plain", TOKEN);
        assertEquals(413, chunked.statusCode(), chunked.body());
        assertTrue(chunked.body().matches(tooLarge), chunked.body());
        HttpResponse<String> absurd = http.send("POST", "/utdanning/elev/elev/$query",
                HttpRequest.BodyPublishers.ofInputStream(() -> new SpacesStream(64L << 20)), "text/plain", TOKEN);
        assertEquals(413, absurd.statusCode(), absurd.body());
    }

    /** {@code length} spaces, made as read: a body far larger than anything the test holds. */
    static final class SpacesStream extends java.io.InputStream {
        private long left;

        SpacesStream(long length) {
            this.left = length;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return ' ';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) ' ');
            left -= n;
            return n;
        }
    }

    @Test
    void malformedEscapeInTheQueryIs400WithoutTheInternalUrl() {
        TestHttp http = new TestHttp(target);
        for (String path : new String[]{"/utdanning/elev/elev?x=%zz", "/utdanning/elev/elev/systemid/good?size=%4", "/utdanning/elev/elev/$query?x=%zz", "/utdanning/elev/elev?x={y}"}) {
            TestHttp.Answer r = http.lenient(path.contains("$query") ? "POST" : "GET", path, TOKEN);
            assertEquals(400, r.status(), path + ": " + r.body());
            assertEquals("application/json;charset=UTF-8", r.contentType(), path);
            String route = path.substring(0, path.indexOf('?'));
            assertTrue(r.body().matches("\\{\"timestamp\":\"[0-9T:-]+Z\",\"status\":400,\"error\":\"Bad Request\",\"message\":\"[^\"]*query string[^\"]*\",\"path\":\""
                    + java.util.regex.Pattern.quote(route) + "\"}"), path + ": " + r.body());
        }
        // Outside the v1 API (Helidon's own endpoints, unknown paths): a plain 400 (problem+json), still no URL.
        for (String path : new String[]{"/health/ready?x=%zz", "/metrics?x=%zz", "/openapi?x=%zz", "/nowhere?x=%zz"}) {
            TestHttp.Answer r = http.lenient("GET", path, null);
            assertEquals(400, r.status(), path + ": " + r.body());
            assertEquals("application/problem+json", r.contentType(), path);
            assertTrue(r.body().contains("query string"), path + ": " + r.body());
        }
        for (String path : new String[]{"/utdanning/elev/elev?x=%zz", "/health/ready?x=%zz"}) {
            String body = http.lenient("GET", path, TOKEN).body();
            assertFalse(body.contains("http:") || body.contains("localhost") || body.contains("127.0.0.1"), body);
        }
    }

    @Test
    void unreadableRecordsAreSkippedAndTheRestIsServed() throws Exception {
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(Map.of("bootstrap.servers", KafkaBrokerExtension.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            String topic = no.fint.platform.records.Topics.entity("badinput.no", ELEV);
            p.send(new ProducerRecord<>(topic, "elev\u001Fbroken", "{\"systemId\":".getBytes(StandardCharsets.UTF_8))).get();
            p.send(new ProducerRecord<>(topic, "no separator", "{}".getBytes(StandardCharsets.UTF_8))).get();
            p.send(new ProducerRecord<>(topic, "nosuchresource\u001F1", "{}".getBytes(StandardCharsets.UTF_8))).get();
            p.send(new ProducerRecord<>(no.fint.platform.records.Topics.relation("badinput.no", ELEV), "garbage", "x".getBytes(StandardCharsets.UTF_8))).get();
        }
        feed.entity(ELEV, "elev", "after-broken", "{\"systemId\":{\"identifikatorverdi\":\"after-broken\"}}", 1);
        assertEquals(200, poll("/utdanning/elev/elev/systemid/after-broken").statusCode());
        assertEquals(404, get("/utdanning/elev/elev/systemid/broken").statusCode());
    }
}
