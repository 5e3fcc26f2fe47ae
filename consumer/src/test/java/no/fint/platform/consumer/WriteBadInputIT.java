package no.fint.platform.consumer;

import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.model.Component;
import no.fint.platform.records.Topics;
import no.fint.platform.tokens.EphemeralIdp;
import no.fint.platform.write.WriteEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad client writes: each gets v1's status and body, and nothing reaches the write log (so no adapter
 * sees it), an entity topic or the cache.
 */
@ExtendWith(KafkaBrokerExtension.class)
@HelidonTest
@AddConfig(key = "fint.consumer.org-id", value = "badwrite.no")
@AddConfig(key = "fint.consumer.components", value = "utdanning/elev,felles/kodeverk/iso")
@AddConfig(key = "fint.consumer.write.max-body-bytes", value = "4096")
class WriteBadInputIT {

    static final String ORG = "badwrite.no";
    static final String TOKEN = EphemeralIdp.shared().client(ORG, "utdanning-elev", "felles-kodeverk-iso");
    static final String SPRING = "\\{\"timestamp\":\"[0-9T:-]+Z\",\"status\":%d,\"error\":\"%s\",\"exception\":\"%s\",\"message\":\"%s\",\"path\":\"%s\"}";
    static WriteLog log;
    static Feed feed;

    @Inject
    WebTarget target;

    @BeforeAll
    static void topics() {
        feed = new Feed(ORG).topics(Component.parse("utdanning/elev"));
        log = new WriteLog(ORG);
    }

    @AfterAll
    static void close() {
        log.close();
        feed.close();
    }

    HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body, String contentType) {
        return new TestHttp(target).send(method, path, body, contentType, TOKEN);
    }

    HttpResponse<String> send(String method, String path, String json) {
        return send(method, path, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json),
                json == null ? null : "application/json");
    }

    static void refused(HttpResponse<String> r, int status, String bodyPattern) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.body().matches(bodyPattern), r.body());
    }

    static String spring(int status, String error, String exception, String message, String path) {
        return SPRING.formatted(status, error, exception.replace(".", "\\."), message, path.replace("?", "\\?").replace("$", "\\$"));
    }

    @AfterEach
    void nothingReachedAnAdapterOrACache() {
        List<WriteEvent> events = log.events();
        assertTrue(events.isEmpty(), "nothing on the write log: " + events);
        assertEquals(0, WriteLog.count(Topics.entity(ORG, Component.parse("utdanning/elev"))), "nothing on the entity topic");
        HttpResponse<String> size = send("GET", "/utdanning/elev/elev/cache/size", null);
        assertEquals("{\"size\":0}", size.body(), "nothing in the cache");
    }

    @Test
    void invalidJsonIs400() {
        HttpResponse<String> r = send("POST", "/utdanning/elev/elev", "{\"elevnummer\":");
        refused(r, 400, spring(400, "Bad Request", "org.springframework.http.converter.HttpMessageNotReadableException",
                "Could not read document: [^\"]+", "/utdanning/elev/elev"));
        refused(send("PUT", "/utdanning/elev/elev/systemid/1", "[1,2"), 400, ".*HttpMessageNotReadableException.*");
    }

    /** QA: a body declared as another type than JSON was a 415 without a body; Spring answered with its error JSON. */
    @Test
    void aBodyOfAnotherTypeThanJsonIs415() {
        HttpResponse<String> r = send("POST", "/utdanning/elev/elev", HttpRequest.BodyPublishers.ofString("{}"), "text/plain");
        refused(r, 415, spring(415, "Unsupported Media Type", "org.springframework.web.HttpMediaTypeNotSupportedException",
                "Content type 'text/plain' not supported", "/utdanning/elev/elev"));
        assertEquals("application/json;charset=UTF-8", r.headers().firstValue("Content-Type").orElseThrow());
        refused(send("PUT", "/utdanning/elev/elev/systemid/1", HttpRequest.BodyPublishers.ofString("{}"), "application/xml;charset=UTF-8"), 415,
                ".*HttpMediaTypeNotSupportedException.*Content type 'application/xml;charset=UTF-8' not supported.*");
    }

    @Test
    void aMissingBodyIs400() {
        refused(send("POST", "/utdanning/elev/elev", null), 400, spring(400, "Bad Request",
                "org.springframework.http.converter.HttpMessageNotReadableException", "Required request body is missing", "/utdanning/elev/elev"));
    }

    @Test
    void unknownAttributesMissingRequiredOnesAndWrongTypesAre400WithEveryProblem() {
        HttpResponse<String> r = send("POST", "/utdanning/elev/elev",
                "{\"nope\":1,\"elevnummer\":{},\"gjest\":\"true\",\"_links\":{\"ukjent\":[{\"href\":\"x\"}]}}");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().startsWith("{\"message\":\"Invalid Elev: 4 problem(s); nothing was sent\",\"statusCode\":\"BAD_REQUEST\","
                + "\"responseStatus\":\"REJECTED\",\"problems\":[{\"field\":\""), r.body());
        for (String field : List.of("\"field\":\"nope\"", "\"field\":\"elevnummer.identifikatorverdi\"", "\"field\":\"gjest\"",
                "\"field\":\"_links.ukjent\"")) {
            assertTrue(r.body().contains(field), field + " in " + r.body());
        }
        // An update needs the class's required attributes (the identifiers may be missing only on create).
        HttpResponse<String> update = send("PUT", "/utdanning/elev/skoleressurs/systemid/1", "{\"feidenavn\":{\"identifikatorverdi\":\"f\"}}");
        assertEquals(400, update.statusCode(), update.body());
        assertTrue(update.body().contains("\"field\":\"systemId\""), update.body());
    }

    @Test
    void writesToClassesThatAreNotWriteableAre405() {
        String notSupported = "org.springframework.web.HttpRequestMethodNotSupportedException";
        refused(send("POST", "/utdanning/elev/klasse", "{}"), 405,
                spring(405, "Method Not Allowed", notSupported, "Request method 'POST' not supported", "/utdanning/elev/klasse"));
        refused(send("PUT", "/felles/kodeverk/iso/kjonn/systemid/1", "{}"), 405,
                spring(405, "Method Not Allowed", notSupported, "Request method 'PUT' not supported", "/felles/kodeverk/iso/kjonn/systemid/1"));
        // DELETE only where configured (fint.consumer.deletable); PATCH nowhere.
        refused(send("DELETE", "/utdanning/elev/elev/systemid/1", null), 405,
                spring(405, "Method Not Allowed", notSupported, "Request method 'DELETE' not supported", "/utdanning/elev/elev/systemid/1"));
        refused(send("PATCH", "/utdanning/elev/elev/systemid/1", "{}"), 405, ".*Request method 'PATCH' not supported.*");
        // v1 generated no status route for a class without writes.
        refused(send("GET", "/utdanning/elev/klasse/status/x", null), 404, ".*\"status\":404.*");
    }

    /** Spring chose the handler by method before it converted a parameter or read a header. */
    @Test
    void aMethodARouteDoesNotTakeIs405WithSpringsBodyAndAllow() {
        String notSupported = "org.springframework.web.HttpRequestMethodNotSupportedException";
        record Case(String method, String path, String allow) {
        }
        for (Case c : List.of(new Case("DELETE", "/utdanning/elev/elev/last-updated", "GET"),
                new Case("POST", "/utdanning/elev/elev/cache/size", "GET"),
                new Case("PUT", "/utdanning/elev/admin/organisations", "GET"),
                new Case("POST", "/utdanning/elev/admin/health", "GET"),
                new Case("DELETE", "/utdanning/elev", "GET"),
                new Case("GET", "/utdanning/elev/elev/$query", "POST"),
                new Case("DELETE", "/utdanning/elev/elev?size=ten", "GET, POST"),
                new Case("PUT", "/utdanning/elev/elev/status/x", "GET"))) {
            HttpResponse<String> r = send(c.method(), c.path(), c.method().equals("GET") || c.method().equals("DELETE") ? null : "{}");
            String path = c.path().replaceFirst("\\?.*", "");
            refused(r, 405, spring(405, "Method Not Allowed", notSupported, "Request method '" + c.method() + "' not supported", path));
            assertEquals(c.allow(), r.headers().firstValue("Allow").orElse(null), c.method() + " " + c.path());
        }
        // HEAD is named as sent: the body it does not carry says 'HEAD', one character more than 'GET'.
        HttpResponse<String> get = send("GET", "/utdanning/elev/elev/$query", null);
        HttpResponse<String> head = send("HEAD", "/utdanning/elev/elev/$query", null);
        assertEquals(405, head.statusCode());
        assertEquals("POST", head.headers().firstValue("Allow").orElse(null));
        assertEquals(get.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1,
                Long.parseLong(head.headers().firstValue("Content-Length").orElseThrow()), get.body());
    }

    @Test
    void aPutWithAnIdentifierFieldTheClassDoesNotHaveIs404() {
        refused(send("PUT", "/utdanning/elev/elev/ansattnummer/1", "{\"systemId\":{\"identifikatorverdi\":\"1\"}}"), 404,
                ".*\"status\":404,\"error\":\"Not Found\".*\"path\":\"/utdanning/elev/elev/ansattnummer/1\"}");
    }

    @Test
    void aValidateThatIsNoBooleanIs400() {
        refused(send("POST", "/utdanning/elev/elev?validate=maybe", "{}"), 400,
                ".*MethodArgumentTypeMismatchException.*Invalid boolean value 'maybe'.*");
    }

    @Test
    void oversizedBodiesAre413WithOrWithoutALength() {
        String big = "{\"elevnummer\":{\"identifikatorverdi\":\"" + "1".repeat(5000) + "\"}}";
        refused(send("POST", "/utdanning/elev/elev", big), 413, ".*\"status\":413,\"error\":\"Payload Too Large\".*Maximum upload size of 4096 bytes exceeded.*");
        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        refused(send("POST", "/utdanning/elev/elev", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)),
                "application/json"), 413, ".*Maximum upload size of 4096 bytes exceeded.*");
    }
}
