package no.fint.platform.consumer;

import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.model.Component;
import no.fint.platform.tokens.EphemeralIdp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HEAD answers as v1's servlet container did ({@code HttpServlet.doHead}): the status and headers of the
 * GET, Content-Length the length of the GET's body, and no body; errors included.
 */
@ExtendWith(KafkaBrokerExtension.class)
@HelidonTest
@AddConfig(key = "fint.consumer.org-id", value = "head.no")
@AddConfig(key = "fint.consumer.components", value = "utdanning/elev")
class HeadIT {

    static final String ORG = "head.no";
    static final Component ELEV = Component.parse("utdanning/elev");
    static final String TOKEN = EphemeralIdp.shared().client(ORG, "utdanning-elev");
    /** Enough resources for a collection larger than the response buffers: its GET is chunked. */
    static final int ELEVER = 60;
    /** Headers a HEAD and its GET may differ in: the time, and how the GET's body is framed. */
    static final Set<String> FRAMING = Set.of("date", "connection", "content-length", "transfer-encoding");
    static Feed feed;

    @Inject
    WebTarget target;

    @BeforeAll
    static void data() {
        feed = new Feed(ORG).topics(ELEV).batch();
        for (int i = 0; i < ELEVER; i++) {
            feed.entity(ELEV, "elev", "e" + i, "{\"elevnummer\":{\"identifikatorverdi\":\"" + (1000 + i) + "\"},"
                    + "\"systemId\":{\"identifikatorverdi\":\"e" + i + "\"}}", 1);
        }
        feed.flush();
    }

    @AfterAll
    static void close() {
        feed.close();
    }

    /** HEAD, then GET, of {@code pathAndQuery} on one connection. */
    List<TestHttp.Wire> headThenGet(String pathAndQuery, String token, String... headers) {
        return new TestHttp(target).pipelined(List.of("HEAD", "GET"), pathAndQuery, token, headers);
    }

    static void sameHeadersAndLength(String what, TestHttp.Wire head, TestHttp.Wire get) {
        assertEquals(get.statusLine(), head.statusLine(), what);
        assertEquals(get.headerLines().stream().filter(l -> !FRAMING.contains(name(l))).toList(),
                head.headerLines().stream().filter(l -> !FRAMING.contains(name(l))).toList(), what);
        assertTrue(get.body().length > 0, what + ": the GET has a body");
        assertEquals(String.valueOf(get.body().length), head.header("Content-Length"), what);
        assertEquals(null, head.header("Transfer-Encoding"), what);
    }

    static String name(String headerLine) {
        return headerLine.substring(0, headerLine.indexOf(':')).toLowerCase(java.util.Locale.ROOT);
    }

    @Test
    void headAnswersTheHeadersOfTheGetWithTheLengthOfItsBodyAndNoBody() throws InterruptedException {
        TestHttp http = new TestHttp(target);
        TestHttp.poll(() -> http.json("GET", "/utdanning/elev/elev/cache/size", null, TOKEN),
                r -> r.body().equals("{\"size\":" + ELEVER + "}"));
        for (String path : List.of(
                "/utdanning/elev/elev",
                "/utdanning/elev/elev?size=2&offset=1",
                "/utdanning/elev/elev/systemid/e7",
                "/utdanning/elev/elev/last-updated",
                "/utdanning/elev/elev/cache/size",
                "/utdanning/elev",
                "/utdanning/elev/admin/organisations",
                "/utdanning/elev/admin/organisations/head.no",
                "/utdanning/elev/admin/assets",
                "/utdanning/elev/admin/caches",
                "/utdanning/elev/admin/cache/status",
                "/utdanning/elev/admin/health",
                "/openapi/utdanning/elev")) {
            List<TestHttp.Wire> r = headThenGet(path, TOKEN);
            assertEquals(200, r.get(1).status(), path);
            sameHeadersAndLength(path, r.get(0), r.get(1));
        }
        // The collection is larger than Jersey's response buffer (8 KB): its GET is chunked, its HEAD still has the length.
        List<TestHttp.Wire> all = headThenGet("/utdanning/elev/elev", TOKEN);
        assertEquals("chunked", all.get(1).header("Transfer-Encoding"));
        assertTrue(all.get(1).body().length > 8 * 1024, "length " + all.get(1).body().length);
        // The other media type.
        List<TestHttp.Wire> json = headThenGet("/utdanning/elev/elev/systemid/e7", TOKEN, "Accept", "application/json");
        assertEquals("application/json;charset=UTF-8", json.get(0).header("Content-Type"));
        sameHeadersAndLength("Accept: application/json", json.get(0), json.get(1));
    }

    @Test
    void headOfAnErrorAnswersTheHeadersOfTheGetsError() {
        for (String path : List.of(
                "/utdanning/elev/elev/systemid/absent",
                "/utdanning/elev/nosuchresource",
                "/utdanning/elev/elev/fodselsnummer/1",
                "/utdanning/elev/admin/nothing",
                "/utdanning/elev/klasse/status/x",
                "/utdanning/elev/elev?size=ten",
                "/utdanning/elev/elev?x=%zz")) {
            List<TestHttp.Wire> r = headThenGet(path, TOKEN);
            assertTrue(r.get(1).status() >= 400, path + ": " + r.get(1).bodyText());
            sameHeadersAndLength(path, r.get(0), r.get(1));
        }
        List<TestHttp.Wire> noToken = headThenGet("/utdanning/elev/elev", null);
        assertEquals(401, noToken.get(1).status());
        sameHeadersAndLength("no token", noToken.get(0), noToken.get(1));
    }

    /** Paths outside the v1 API still reach Helidon's own services (its health answers HEAD with 204 itself). */
    @Test
    void headOutsideTheV1PathsIsLeftToHelidon() {
        List<TestHttp.Wire> r = headThenGet("/health/live", TOKEN);
        assertEquals(200, r.get(1).status(), r.get(1).bodyText());
        assertEquals(2, r.get(0).status() / 100, r.get(0).statusLine());
    }
}
