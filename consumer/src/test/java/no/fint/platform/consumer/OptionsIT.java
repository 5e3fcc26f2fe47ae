package no.fint.platform.consumer;

import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.tokens.EphemeralIdp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OPTIONS answers as v1's Spring MVC did without an OPTIONS handler of its own: 200 with {@code Allow}
 * listing the methods mapped for the path (GET followed by HEAD; Spring 4.3 did not list OPTIONS itself) and no body; a path
 * without a route is the GET's 404. A CORS preflight is answered as Spring 4.3's {@code @CrossOrigin} did.
 */
@ExtendWith(KafkaBrokerExtension.class)
@HelidonTest
@AddConfig(key = "fint.consumer.org-id", value = "options.no")
@AddConfig(key = "fint.consumer.components", value = "utdanning/elev,felles/kodeverk/iso")
@AddConfig(key = "fint.consumer.deletable", value = "/utdanning/elev/skoleressurs")
class OptionsIT {

    static final String TOKEN = EphemeralIdp.shared().client("options.no", "utdanning-elev", "felles-kodeverk-iso");

    @Inject
    WebTarget target;

    HttpResponse<String> options(String path, String... headers) {
        return new TestHttp(target).json("OPTIONS", path, null, TOKEN, headers);
    }

    static void allows(String path, HttpResponse<String> r, String allow) {
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        assertEquals(allow, r.headers().firstValue("Allow").orElse(null), path);
        assertEquals("", r.body(), path);
        assertEquals("0", r.headers().firstValue("Content-Length").orElse(null), path);
        assertEquals(null, r.headers().firstValue("Content-Type").orElse(null), path);
    }

    @Test
    void allowListsOnlyTheMethodsThePathAccepts() {
        Map<String, String> expected = new LinkedHashMap<>();
        // elev and skoleressurs are writeable (the model), skoleressurs also deletable (configured); klasse and kjonn neither.
        expected.put("/utdanning/elev/elev", "GET,HEAD,POST");
        expected.put("/utdanning/elev/elev/systemid/1", "GET,HEAD,PUT");
        expected.put("/utdanning/elev/skoleressurs/systemid/1", "GET,HEAD,PUT,DELETE");
        expected.put("/utdanning/elev/klasse", "GET,HEAD");
        expected.put("/utdanning/elev/klasse/systemid/1", "GET,HEAD");
        expected.put("/felles/kodeverk/iso/kjonn/systemid/1", "GET,HEAD");
        expected.put("/utdanning/elev/elev/status/x", "GET,HEAD");
        expected.put("/utdanning/elev/elev/$query", "POST");
        expected.put("/utdanning/elev/elev/last-updated", "GET,HEAD");
        expected.put("/utdanning/elev/elev/cache/size", "GET,HEAD");
        expected.put("/utdanning/elev", "GET,HEAD");
        expected.put("/utdanning/elev/admin/organisations", "GET,HEAD");
        expected.put("/utdanning/elev/admin/organisations/options.no", "GET,HEAD");
        expected.put("/utdanning/elev/admin/assets", "GET,HEAD");
        expected.put("/utdanning/elev/admin/caches", "GET,HEAD");
        expected.put("/utdanning/elev/admin/cache/status", "GET,HEAD");
        expected.put("/openapi/utdanning/elev", "GET,HEAD");
        expected.forEach((path, allow) -> allows(path, options(path), allow));
        // Matched as the GET matches: any case, a trailing slash, an encoded value with a slash.
        allows("/Utdanning/Elev/Skoleressurs/SystemId/a%2Fb/", options("/Utdanning/Elev/Skoleressurs/SystemId/a%2Fb/"),
                "GET,HEAD,PUT,DELETE");
    }

    /** Spring chose the OPTIONS answer before it converted a parameter or read a required header. */
    @Test
    void neitherParametersNorRequiredHeadersAreChecked() {
        allows("/utdanning/elev/elev?size=ten", options("/utdanning/elev/elev?size=ten"), "GET,HEAD,POST");
        allows("/utdanning/elev/admin/health", options("/utdanning/elev/admin/health"), "GET,HEAD");
        allows("/utdanning/elev/elev/systemid/1", options("/utdanning/elev/elev/systemid/1", "Accept", "text/xml"), "GET,HEAD,PUT");
    }

    @Test
    void aPathWithoutARouteIsTheGets404() {
        for (String path : new String[]{"/utdanning/elev/nosuchresource", "/utdanning/elev/elev/fodselsnummer/1", "/utdanning/elev/klasse/status/x"}) {
            HttpResponse<String> r = options(path);
            assertEquals(404, r.statusCode(), path);
            assertTrue(r.body().matches("\\{\"timestamp\":\"[0-9T:-]+Z\",\"status\":404,\"error\":\"Not Found\",\"message\":\"No message available\",\"path\":\""
                    + path.replace("$", "\\$") + "\"}"), r.body());
            assertEquals(null, r.headers().firstValue("Allow").orElse(null), path);
        }
    }

    @Test
    void theOriginIsEchoedAndAPreflightIsAnsweredAsSpringsCrossOriginDid() {
        HttpResponse<String> plain = options("/utdanning/elev/elev/systemid/1", "Origin", "https://app.example.no");
        allows("with an Origin", plain, "GET,HEAD,PUT");
        assertEquals("https://app.example.no", plain.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertEquals("true", plain.headers().firstValue("Access-Control-Allow-Credentials").orElse(null));
        // A preflight carries no token.
        HttpResponse<String> preflight = new TestHttp(target).json("OPTIONS", "/utdanning/elev/elev/systemid/1", null, null,
                "Origin", "https://app.example.no", "Access-Control-Request-Method", "GET");
        assertEquals(200, preflight.statusCode(), preflight.body());
        assertEquals("https://app.example.no", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertEquals("true", preflight.headers().firstValue("Access-Control-Allow-Credentials").orElse(null));
        assertEquals("GET", preflight.headers().firstValue("Access-Control-Allow-Methods").orElse(null));
        assertEquals("1800", preflight.headers().firstValue("Access-Control-Max-Age").orElse(null));
        assertEquals("", preflight.body());

        // A browser's write with a token: the method and the requested headers are allowed.
        HttpResponse<String> put = new TestHttp(target).json("OPTIONS", "/utdanning/elev/elev/systemid/1", null, null,
                "Origin", "https://app.example.no", "Access-Control-Request-Method", "PUT",
                "Access-Control-Request-Headers", "authorization, content-type");
        assertEquals(200, put.statusCode(), put.body());
        assertEquals("PUT", put.headers().firstValue("Access-Control-Allow-Methods").orElse(null));
        assertEquals("authorization,content-type", put.headers().firstValue("Access-Control-Allow-Headers").orElse(null));
        assertEquals("https://app.example.no", put.headers().firstValue("Access-Control-Allow-Origin").orElse(null));

        // A method the path does not take: no handler, so the plain OPTIONS answer, without Allow-Methods.
        HttpResponse<String> delete = new TestHttp(target).json("OPTIONS", "/utdanning/elev/elev/systemid/1", null, null,
                "Origin", "https://app.example.no", "Access-Control-Request-Method", "DELETE");
        allows("a preflight for DELETE", delete, "GET,HEAD,PUT");
        assertEquals(null, delete.headers().firstValue("Access-Control-Allow-Methods").orElse(null));
        // A preflight on a path without a route is the GET's 404.
        assertEquals(404, new TestHttp(target).json("OPTIONS", "/utdanning/elev/nosuchresource", null, null,
                "Origin", "https://app.example.no", "Access-Control-Request-Method", "GET").statusCode());
    }
}
