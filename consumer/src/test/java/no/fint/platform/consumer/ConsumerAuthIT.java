package no.fint.platform.consumer;

import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import no.fint.platform.auth.PrincipalKind;
import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.model.Component;
import no.fint.platform.tokens.EphemeralIdp;
import no.fint.platform.tokens.SigningKey;
import no.fint.platform.tokens.TokenMinter;
import no.fint.platform.tokens.TokenRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Authentication and tenant isolation of a consumer (organisation A), over real HTTP: every endpoint x
 * {client, adapter} token x {A, another organisation B} x {the endpoint's component, another} plus no
 * token, and invalid tokens. Only a client token of A with the component's role reads; no other answer
 * holds anything of A's data; errors are v1's Spring Boot error JSON.
 */
@ExtendWith(KafkaBrokerExtension.class)
@HelidonTest
@AddConfig(key = "fint.consumer.org-id", value = "consumer-a.no")
class ConsumerAuthIT {

    static final String A = "consumer-a.no";
    static final String B = "consumer-b.no";
    static final Component ELEV = Component.parse("utdanning/elev");
    static final Component ISO = Component.parse("felles/kodeverk/iso");
    static final String[] OWN = {"utdanning-elev", "felles-kodeverk-iso"};
    static final String OTHER = "administrasjon-personal";
    static final String SECRET = "consumer-secret";
    static final EphemeralIdp IDP = EphemeralIdp.shared();
    static final String SPRING = "\\{\"timestamp\":\"[0-9T:-]+Z\",\"status\":%d,\"error\":\"%s\",\"message\":\"[^\"]+\",\"path\":\"[^\"]+\"}";
    static Feed feed;

    @Inject
    WebTarget target;

    @BeforeAll
    static void dataOfA() {
        feed = new Feed(A).topics(ELEV).topics(ISO);
        feed.entity(ELEV, "elev", "e1", "{\"elevnummer\":{\"identifikatorverdi\":\"" + SECRET + "-1\"},\"systemId\":{\"identifikatorverdi\":\"e1\"}}", 1);
        feed.entity(ISO, "kjonn", "1", "{\"kode\":\"1\",\"navn\":\"" + SECRET + "-kjonn\",\"systemId\":{\"identifikatorverdi\":\"1\"}}", 1);
    }

    @AfterAll
    static void close() {
        feed.close();
    }

    static String token(PrincipalKind kind, String org, String... components) {
        return IDP.mint(IDP.request(kind, TokenRequest.defaultUsername(kind, org), List.of(org), components));
    }

    static final String A_CLIENT = token(PrincipalKind.CLIENT, A, OWN);

    /** A write body holding A's data (POST and PUT of a resource). */
    static final String WRITE_BODY = "{\"elevnummer\":{\"identifikatorverdi\":\"" + SECRET + "-w\"},\"systemId\":{\"identifikatorverdi\":\"e1\"}}";

    HttpResponse<String> call(String method, String path, String token) {
        boolean write = (method.equals("POST") || method.equals("PUT")) && !path.endsWith("$query");
        HttpRequest.BodyPublisher body = write ? HttpRequest.BodyPublishers.ofString(WRITE_BODY)
                : method.equals("POST") ? HttpRequest.BodyPublishers.ofString("") : HttpRequest.BodyPublishers.noBody();
        return new TestHttp(target).send(method, path, body, write ? "application/json" : null, token);
    }

    void awaitData() throws InterruptedException {
        for (String path : List.of("/felles/kodeverk/iso/kjonn/systemid/1", "/utdanning/elev/elev/systemid/e1")) {
            assertEquals(200, TestHttp.poll(() -> call("GET", path, A_CLIENT), r -> r.statusCode() == 200).statusCode(),
                    "A's data never arrived: " + path);
        }
    }

    static final List<String> COLUMNS = List.of("client/A/own", "client/A/other", "client/B/own", "client/B/other",
            "adapter/A/own", "adapter/A/other", "adapter/B/own", "adapter/B/other", "none");

    static String tokenFor(String column) {
        if (column.equals("none")) {
            return null;
        }
        String[] p = column.split("/");
        PrincipalKind kind = p[0].equals("client") ? PrincipalKind.CLIENT : PrincipalKind.ADAPTER;
        String org = p[1].equals("A") ? A : B;
        return p[2].equals("own") ? token(kind, org, OWN) : token(kind, org, OTHER);
    }

    /** Endpoint (method and path) and the status a client of A with the component's role gets. */
    static final Map<String, Integer> ENDPOINTS = new LinkedHashMap<>();

    static {
        ENDPOINTS.put("GET /utdanning/elev", 200);
        ENDPOINTS.put("GET /utdanning/elev/elev", 200);
        ENDPOINTS.put("GET /utdanning/elev/elev/systemid/e1", 200);
        ENDPOINTS.put("GET /utdanning/elev/elev/systemid/none-such", 404);
        ENDPOINTS.put("GET /utdanning/elev/elev/last-updated", 200);
        ENDPOINTS.put("GET /utdanning/elev/elev/cache/size", 200);
        ENDPOINTS.put("POST /utdanning/elev/elev/$query", 200);
        ENDPOINTS.put("GET /utdanning/elev/nosuchresource", 404);
        ENDPOINTS.put("GET /utdanning/elev/admin/organisations", 200);
        ENDPOINTS.put("GET /utdanning/elev/admin/assets", 200);
        ENDPOINTS.put("GET /utdanning/elev/admin/caches", 200);
        ENDPOINTS.put("GET /utdanning/elev/admin/cache/status", 200);
        ENDPOINTS.put("GET /utdanning/elev/admin/health", 200);
        ENDPOINTS.put("GET /felles/kodeverk/iso", 200);
        ENDPOINTS.put("GET /felles/kodeverk/iso/kjonn", 200);
        ENDPOINTS.put("GET /felles/kodeverk/iso/kjonn/systemid/1", 200);
        // Client writes: the same rule (a client of A with the component's role), checked before v1's own
        // answers (405 for a method the class does not take, 404 for a status of a class without writes).
        ENDPOINTS.put("POST /utdanning/elev/elev", 202);
        ENDPOINTS.put("POST /utdanning/elev/elev?validate=true", 202);
        ENDPOINTS.put("PUT /utdanning/elev/elev/systemid/e1", 202);
        ENDPOINTS.put("DELETE /utdanning/elev/elev/systemid/e1", 405);
        ENDPOINTS.put("GET /utdanning/elev/elev/status/{corrId}", 202);
        ENDPOINTS.put("GET /utdanning/elev/elev/status/no-such-write", 410);
        ENDPOINTS.put("POST /felles/kodeverk/iso/kjonn", 405);
        ENDPOINTS.put("GET /felles/kodeverk/iso/kjonn/status/{corrId}", 404);
    }

    @Test
    void everyEndpointTimesEveryKindOfToken() throws Exception {
        awaitData();
        // A write of A's client, pending (no adapter answers here): its status is one of the endpoints.
        HttpResponse<String> write = call("POST", "/utdanning/elev/elev", A_CLIENT);
        assertEquals(202, write.statusCode(), write.body());
        String location = write.headers().firstValue("Location").orElseThrow();
        String corrId = location.substring(location.lastIndexOf('/') + 1);
        int allowedWrites = 1;
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Integer> e : ENDPOINTS.entrySet()) {
            String[] mp = e.getKey().replace("{corrId}", corrId).split(" ", 2);
            if (e.getValue() == 202 && !mp[0].equals("GET")) {
                allowedWrites++;
            }
            for (String column : COLUMNS) {
                int expected = column.equals("client/A/own") ? e.getValue() : column.equals("none") ? 401 : 403;
                HttpResponse<String> r = call(mp[0], mp[1], tokenFor(column));
                if (r.statusCode() != expected) {
                    wrong.add(e.getKey() + " with " + column + ": " + r.statusCode() + " (expected " + expected + ") " + r.body());
                }
                if (expected == 401 && !(r.headers().firstValue("WWW-Authenticate").orElse("").equals("Bearer realm=\"fint-consumer\"")
                        && r.body().matches(SPRING.formatted(401, "Unauthorized")))) {
                    wrong.add(e.getKey() + " with " + column + ": not v1's 401 " + r.headers().map() + " " + r.body());
                }
                if (expected == 403 && !r.body().matches(SPRING.formatted(403, "Forbidden"))) {
                    wrong.add(e.getKey() + " with " + column + ": not v1's 403 " + r.body());
                }
                if (!column.equals("client/A/own") && (r.body().contains(SECRET) || (column.contains("/B/") && r.body().contains(A)))) {
                    wrong.add(e.getKey() + " with " + column + " reveals A's data: " + r.body());
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertTrue(call("GET", "/utdanning/elev/elev", A_CLIENT).body().contains(SECRET + "-1"), "the matrix read real data");
        // Only A's client's writes reached the write log (so an adapter), each in its name; none of another token.
        try (WriteLog log = new WriteLog(A)) {
            List<no.fint.platform.write.WriteRequest> sent = log.events().stream()
                    .filter(x -> x instanceof no.fint.platform.write.WriteEvent.Requested)
                    .map(x -> ((no.fint.platform.write.WriteEvent.Requested) x).request()).toList();
            assertEquals(allowedWrites, sent.size(), sent.toString());
            assertTrue(sent.stream().allMatch(r -> r.client().equals(TokenRequest.defaultUsername(PrincipalKind.CLIENT, A))
                    && r.orgId().equals(A)), sent.toString());
        }
        assertEquals(0, WriteLog.count(no.fint.platform.records.Topics.writeEvents(B)), "nothing on another organisation's log");
        assertTrue(call("GET", "/felles/kodeverk/iso/kjonn/systemid/1", A_CLIENT).body().contains(SECRET + "-kjonn"), "the matrix read real data");
    }

    @Test
    void theTokenDecidesOrganisationAndClient() throws Exception {
        awaitData();
        HttpResponse<String> h = new TestHttp(target).json("GET", "/utdanning/elev/admin/health", null, A_CLIENT,
                "x-org-id", B, "x-client", "impostor");
        assertEquals(200, h.statusCode(), h.body());
        assertTrue(h.body().contains("\"orgId\":\"" + A + "\"") && h.body().contains("\"client\":\"demo@client." + A + "\""), h.body());
        // A token naming several organisations, A among them, reads A.
        String both = IDP.mint(IDP.request(PrincipalKind.CLIENT, "app@client.example", List.of(B, A), OWN));
        assertEquals(200, call("GET", "/utdanning/elev/elev/systemid/e1", both).statusCode());
    }

    @Test
    void openApiHealthAndMetricsStayOpen() {
        for (String path : List.of("/openapi/utdanning/elev", "/openapi", "/health/ready", "/health/live", "/metrics")) {
            assertEquals(200, call("GET", path, null).statusCode(), path);
        }
        assertEquals(404, call("GET", "/not/served", null).statusCode());
    }

    @Test
    void invalidTokensAre401() {
        TokenRequest a = IDP.request(PrincipalKind.CLIENT, "app@client." + A, List.of(A), OWN);
        String[] parts = IDP.mint(a).split("\\.");
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("expired", IDP.mint(a, c -> c.put("exp", Instant.now().minusSeconds(3600).getEpochSecond())));
        tokens.put("wrong issuer", IDP.mint(a, c -> c.put("iss", "https://idp.elsewhere.example")));
        tokens.put("wrong audience", IDP.mint(a, c -> c.put("aud", "another-api")));
        tokens.put("bad signature", TokenMinter.mint(SigningKey.generate(), a, Instant.now()));
        tokens.put("alg none", Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".");
        for (String claim : List.of("cn", "fintAssetIDs", "scope", "Roles", "exp", "sub")) {
            tokens.put("no " + claim, IDP.mint(a, c -> c.remove(claim)));
        }
        List<String> wrong = new ArrayList<>();
        tokens.forEach((name, token) -> {
            HttpResponse<String> r = call("GET", "/utdanning/elev/elev", token);
            String challenge = r.headers().firstValue("WWW-Authenticate").orElse("");
            if (r.statusCode() != 401 || !challenge.startsWith("Bearer realm=\"fint-consumer\", error=\"invalid_token\"")
                    || !r.body().matches(SPRING.formatted(401, "Unauthorized")) || r.body().contains(SECRET)) {
                wrong.add(name + ": " + r.statusCode() + " " + challenge + " " + r.body());
            }
        });
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }
}
