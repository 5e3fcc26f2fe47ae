package no.fint.platform.provider;

import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import no.fint.platform.auth.PrincipalKind;
import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.tokens.EphemeralIdp;
import no.fint.platform.tokens.SigningKey;
import no.fint.platform.tokens.TokenMinter;
import no.fint.platform.tokens.TokenRequest;
import no.fint.platform.write.Operation;
import no.fint.platform.write.WriteEvent;
import no.fint.platform.write.WriteEvents;
import no.fint.platform.write.WriteRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Authentication and tenant isolation of the provider, over real HTTP: every endpoint x {adapter,
 * client} token x {the data's own organisation, another} x {the endpoint's component, another}, plus
 * no token and invalid tokens. Organisation A owns an adapter, its contract and a sync; no answer to a
 * token of organisation B (or to a client token) contains anything of A's, and nothing B sends reaches A's
 * topics.
 */
@ExtendWith(KafkaBrokerExtension.class)
@HelidonTest
class ProviderAuthIT {

    private static final EphemeralIdp IDP = EphemeralIdp.shared();
    private static final String A = "matrix-a.no";
    private static final String B = "matrix-b.no";
    private static final String ADAPTER_A = "https://vendor.example/matrix/adapter-1";
    private static final String SECRET = "matrix-secret-1";
    private static final String SYNC_A = "matrix-a-sync";
    private static final String[] OWN_COMPONENTS = {"utdanning-elev", "felles-kodeverk-iso"};
    private static final String OTHER_COMPONENT = "administrasjon-personal";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Inject
    WebTarget target;

    private static String user(PrincipalKind kind, String org) {
        return TokenRequest.defaultUsername(kind, org);
    }

    private static String token(PrincipalKind kind, String org, String... components) {
        return IDP.mint(IDP.request(kind, user(kind, org), List.of(org), components));
    }

    private static final String A_OWN = token(PrincipalKind.ADAPTER, A, OWN_COMPONENTS);

    private HttpResponse<String> call(String method, String path, String body, String token) {
        HttpRequest.Builder r = HttpRequest.newBuilder(target.getUri().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            r.header("Content-Type", "application/json");
        }
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String contract() {
        return "{\"adapterId\":\"" + ADAPTER_A + "\",\"orgId\":\"" + A + "\",\"username\":\"" + user(PrincipalKind.ADAPTER, A)
                + "\",\"heartbeatIntervalInMinutes\":1,\"capabilities\":["
                + "{\"domainName\":\"utdanning\",\"packageName\":\"elev\",\"resourceName\":\"elev\",\"fullSyncIntervalInDays\":1},"
                + "{\"domainName\":\"felles\",\"packageName\":\"kodeverk/iso\",\"resourceName\":\"kjonn\",\"fullSyncIntervalInDays\":1}]}";
    }

    private static String elevPage(String corrId) {
        return Adapters.page(corrId, A, ADAPTER_A, 1, 1, 1, Adapters.elevs(SECRET));
    }

    private static String kjonnPage(String corrId) {
        return Adapters.page(corrId, A, ADAPTER_A, 1, 1, 1, List.of(
                "{\"identifier\":\"1\",\"resource\":{\"kode\":\"1\",\"navn\":\"Mann\",\"systemId\":{\"identifikatorverdi\":\"1\"}}}"));
    }

    @BeforeEach
    void organisationAHasAnAdapterAndASync() {
        ProviderServiceIT.Await.ready(target);
        HttpResponse<String> r = call("POST", "/provider/register", contract(), A_OWN);
        assertEquals(200, r.statusCode(), r.body());
        r = call("POST", "/provider/utdanning/elev/elev", elevPage(SYNC_A), A_OWN);
        assertEquals(201, r.statusCode(), r.body());
    }

    /** One endpoint: how to call it (the argument makes each call's corrId unique) and whose data is in its answers. */
    private record Endpoint(String name, String method, Function<String, String> path, Function<String, String> body) {
    }

    private static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("register", "POST", c -> "/provider/register", c -> contract()),
                new Endpoint("heartbeat", "POST", c -> "/provider/heartbeat",
                        c -> "{\"adapterId\":\"" + ADAPTER_A + "\",\"orgId\":\"" + A + "\",\"time\":1}"),
                new Endpoint("adapters", "GET", c -> "/provider/adapter", c -> null),
                new Endpoint("adapters?orgId", "GET", c -> "/provider/adapter?orgId=" + A, c -> null),
                new Endpoint("full sync", "POST", c -> "/provider/utdanning/elev/elev", ProviderAuthIT::elevPage),
                new Endpoint("delta sync", "PATCH", c -> "/provider/utdanning/elev/elev", ProviderAuthIT::elevPage),
                new Endpoint("delete sync", "DELETE", c -> "/provider/utdanning/elev/elev", ProviderAuthIT::elevPage),
                new Endpoint("full sync nested", "POST", c -> "/provider/felles/kodeverk/iso/kjonn", ProviderAuthIT::kjonnPage),
                new Endpoint("delta sync nested", "PATCH", c -> "/provider/felles/kodeverk/iso/kjonn", ProviderAuthIT::kjonnPage),
                new Endpoint("delete sync nested", "DELETE", c -> "/provider/felles/kodeverk/iso/kjonn", ProviderAuthIT::kjonnPage),
                new Endpoint("sync status", "GET", c -> "/provider/sync/" + SYNC_A, c -> null),
                new Endpoint("poll domain", "GET", c -> "/provider/event/utdanning", c -> null),
                new Endpoint("poll component", "GET", c -> "/provider/event/utdanning/elev", c -> null),
                new Endpoint("poll resource", "GET", c -> "/provider/event/utdanning/elev/elev", c -> null),
                new Endpoint("poll nested", "GET", c -> "/provider/event/felles/kodeverk/iso/kjonn", c -> null),
                new Endpoint("answer unknown", "POST", c -> "/provider/event", c -> answer(c, A, Operation.VALIDATE)));
    }

    /** The expected status per endpoint for each token (columns in {@link #COLUMNS} order). */
    private static final List<String> COLUMNS = List.of("adapter/A/own", "adapter/A/other", "adapter/B/own", "adapter/B/other",
            "client/A/own", "client/A/other", "client/B/own", "client/B/other", "none");
    private static final Map<String, int[]> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("register", new int[]{200, 403, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("heartbeat", new int[]{200, 200, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("adapters", new int[]{200, 200, 200, 200, 403, 403, 403, 403, 401});
        EXPECTED.put("adapters?orgId", new int[]{200, 200, 403, 403, 403, 403, 403, 403, 401});
        for (String sync : List.of("full sync", "delta sync", "full sync nested", "delta sync nested")) {
            EXPECTED.put(sync, new int[]{201, 403, 403, 403, 403, 403, 403, 403, 401});
        }
        EXPECTED.put("delete sync", new int[]{200, 403, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("delete sync nested", new int[]{200, 403, 403, 403, 403, 403, 403, 403, 401});
        EXPECTED.put("sync status", new int[]{200, 403, 404, 404, 403, 403, 403, 403, 401});
        // Polls: every adapter token may poll (it gets only its organisations' and roles' requests: see below).
        for (String poll : List.of("poll domain", "poll component", "poll resource", "poll nested")) {
            EXPECTED.put(poll, new int[]{200, 200, 200, 200, 403, 403, 403, 403, 401});
        }
        EXPECTED.put("answer unknown", new int[]{404, 404, 404, 404, 403, 403, 403, 403, 401});
    }

    private static String tokenFor(String column) {
        if (column.equals("none")) {
            return null;
        }
        String[] p = column.split("/");
        PrincipalKind kind = p[0].equals("adapter") ? PrincipalKind.ADAPTER : PrincipalKind.CLIENT;
        String org = p[1].equals("A") ? A : B;
        return p[2].equals("own") ? token(kind, org, OWN_COMPONENTS) : token(kind, org, OTHER_COMPONENT);
    }

    @Test
    void everyEndpointTimesEveryKindOfToken() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            int[] expected = EXPECTED.get(e.name());
            for (int i = 0; i < COLUMNS.size(); i++) {
                String column = COLUMNS.get(i);
                String corrId = "matrix-" + column.replace('/', '-') + "-" + SEQ.incrementAndGet();
                HttpResponse<String> r = call(e.method(), e.path().apply(corrId), e.body().apply(corrId), tokenFor(column));
                if (r.statusCode() != expected[i]) {
                    wrong.add(e.name() + " with " + column + ": " + r.statusCode() + " (expected " + expected[i] + ") " + r.body());
                }
                if (r.statusCode() == 401 && !r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer realm=")) {
                    wrong.add(e.name() + " with " + column + ": 401 without WWW-Authenticate");
                }
                if (r.statusCode() >= 400 && !r.headers().firstValue("Content-Type").orElse("").equals("application/problem+json")) {
                    wrong.add(e.name() + " with " + column + ": error not problem+json");
                }
                if (!column.startsWith("adapter/A") && revealsA(r.body())) {
                    wrong.add(e.name() + " with " + column + " reveals A's data: " + r.body());
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));

        // The adapter listing shows a caller its own adapters only.
        String own = call("GET", "/provider/adapter", null, A_OWN).body();
        assertTrue(own.contains(ADAPTER_A) && own.contains("\"heartbeat\":\"ALIVE\""), own);
        String otherUser = call("GET", "/provider/adapter?orgId=" + A, null,
                IDP.mint(IDP.request(PrincipalKind.ADAPTER, "someone@adapter." + A, List.of(A), OWN_COMPONENTS))).body();
        assertEquals("[]", otherUser);

        // Nothing B (or a client) sent reached A's topics: only A's own corrIds are there.
        for (String topic : List.of("matrix-a-no.fint-core.entity.utdanning-elev", "matrix-a-no.fint-core.entity.felles-kodeverk-iso")) {
            Set<String> corrIds = new java.util.TreeSet<>();
            TestKafka.read(KafkaBrokerExtension.bootstrapServers(), topic).forEach(rec -> corrIds.add(rec.headers().get("corr-id")));
            assertTrue(corrIds.stream().allMatch(c -> c.equals(SYNC_A) || c.startsWith("matrix-adapter-A-own-")), topic + ": " + corrIds);
        }
    }

    private static String answer(String corrId, String org, Operation op) {
        return "{\"corrId\":\"" + corrId + "\",\"orgId\":\"" + org + "\",\"adapterId\":\"" + ADAPTER_A
                + "\",\"handledAt\":1760000000000,\"operationType\":\"" + op + "\",\"failed\":false,\"rejected\":false,\"conflicted\":false}";
    }

    /**
     * Client writes: a pending request of A (holding A's data) is handed only to an adapter token of A
     * with the component's role, and answered only by it; every other token polls nothing of it and its
     * answers are refused (404 where the organisation is not the token's) without reaching the write log.
     */
    @Test
    void writeRequestsGoOnlyToAnAdapterOfTheirOrganisationAndComponent() {
        Writes.log(A);
        WriteRequest r = Writes.request(A, "/utdanning/elev/elev", Operation.VALIDATE, null, Writes.elev(SECRET), 120_000);
        // A probe behind it in the same partition (same record key): once it is polled, r has been read too.
        long now = System.currentTimeMillis();
        WriteRequest probe = new WriteRequest("probe-" + r.corrId(), A, "/administrasjon/personal/personalressurs", Operation.VALIDATE,
                null, "{}", now, now + 120_000, "test-client");
        TestKafka.write(KafkaBrokerExtension.bootstrapServers(), no.fint.platform.records.Topics.writeEvents(A), r.corrId(),
                WriteEvents.write(new WriteEvent.Requested(probe)));
        String probeToken = token(PrincipalKind.ADAPTER, A, OTHER_COMPONENT);
        long deadline = System.currentTimeMillis() + 30_000;
        String polled = "[]";
        while (!polled.contains(probe.corrId()) && System.currentTimeMillis() < deadline) {
            polled = call("GET", "/provider/event/administrasjon", null, probeToken).body();
            Writes.sleep(50);
        }
        assertTrue(polled.contains(probe.corrId()) && !polled.contains(SECRET), polled);

        List<String> wrong = new ArrayList<>();
        for (String column : COLUMNS) {
            if (column.equals("adapter/A/own")) {
                continue;
            }
            String token = tokenFor(column);
            int pollStatus = column.equals("none") ? 401 : column.startsWith("client") ? 403 : 200;
            for (String path : List.of("/provider/event/utdanning", "/provider/event/utdanning/elev/elev")) {
                HttpResponse<String> p = call("GET", path, null, token);
                if (p.statusCode() != pollStatus || (pollStatus == 200 && !p.body().equals("[]")) || revealsA(p.body())) {
                    wrong.add("poll " + path + " with " + column + ": " + p.statusCode() + " " + p.body());
                }
            }
            int answerStatus = column.equals("none") ? 401 : column.startsWith("client") || column.equals("adapter/A/other") ? 403 : 404;
            HttpResponse<String> a = call("POST", "/provider/event", answer(r.corrId(), column.contains("/B/") ? B : A, Operation.VALIDATE), token);
            if (a.statusCode() != answerStatus || revealsA(a.body())) {
                wrong.add("answer with " + column + ": " + a.statusCode() + " (expected " + answerStatus + ") " + a.body());
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertTrue(Writes.events(A, WriteEvent.Answered.class).isEmpty(), "no refused answer reached the write log");
        assertTrue(Writes.events(A, WriteEvent.Leased.class).stream().noneMatch(l -> l.corrId().equals(r.corrId())), "nobody else leased it");

        String own = call("GET", "/provider/event/utdanning", null, A_OWN).body();
        assertTrue(own.contains(r.corrId()) && own.contains(SECRET), own);
        HttpResponse<String> answered = call("POST", "/provider/event", answer(r.corrId(), A, Operation.VALIDATE), A_OWN);
        assertEquals(200, answered.statusCode(), answered.body());
        assertEquals(List.of(r.corrId()), Writes.events(A, WriteEvent.Answered.class).stream().map(WriteEvent::corrId).toList());
    }

    @Test
    void aSyncOfAnotherOrganisationIsAnsweredLikeAnUnknownOne() {
        String b = token(PrincipalKind.ADAPTER, B, OWN_COMPONENTS);
        HttpResponse<String> foreign = call("GET", "/provider/sync/" + SYNC_A, null, b);
        HttpResponse<String> unknown = call("GET", "/provider/sync/matrix-never", null, b);
        assertEquals(404, foreign.statusCode());
        assertEquals(unknown.body().replace("matrix-never", SYNC_A), foreign.body());
        // The same for a heartbeat naming A's adapter under B's own organisation.
        HttpResponse<String> beat = call("POST", "/provider/heartbeat", "{\"adapterId\":\"" + ADAPTER_A + "\",\"orgId\":\"" + B + "\"}", b);
        HttpResponse<String> nobody = call("POST", "/provider/heartbeat", "{\"adapterId\":\"nobody\",\"orgId\":\"" + B + "\"}", b);
        assertEquals(404, beat.statusCode());
        assertEquals(nobody.body().replace("nobody", ADAPTER_A), beat.body());
        // And a page naming A's adapter under B's organisation: no contract (not "registered for A").
        String page = Adapters.page("matrix-b-page", B, ADAPTER_A, 1, 1, 1, Adapters.elevs("1"));
        HttpResponse<String> sync = call("POST", "/provider/utdanning/elev/elev", page, b);
        assertEquals(403, sync.statusCode());
        assertTrue(sync.body().contains("has no registered contract for organisation " + B) && !revealsA(sync.body()), sync.body());
    }

    @Test
    void theContractIsTheTokensUsers() {
        String otherUser = IDP.mint(IDP.request(PrincipalKind.ADAPTER, "someone@adapter." + A, List.of(A), OWN_COMPONENTS));
        HttpResponse<String> r = call("POST", "/provider/register", contract(), otherUser);
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("is not the token's cn"), r.body());
        r = call("POST", "/provider/register", contract().replace(",\"username\":\"" + user(PrincipalKind.ADAPTER, A) + "\"", ""), otherUser);
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("registered by another user"), r.body());
        r = call("POST", "/provider/utdanning/elev/elev", elevPage("matrix-other-user"), otherUser);
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("registered by another user"), r.body());
        r = call("POST", "/provider/heartbeat", "{\"adapterId\":\"" + ADAPTER_A + "\",\"orgId\":\"" + A + "\"}", otherUser);
        assertEquals(403, r.statusCode());
        // A contract without username gets the token's cn.
        r = call("POST", "/provider/register", contract().replace(",\"username\":\"" + user(PrincipalKind.ADAPTER, A) + "\"", ""), A_OWN);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"username\":\"" + user(PrincipalKind.ADAPTER, A) + "\""), r.body());
    }

    @Test
    void invalidTokensAre401WithTheReason() {
        TokenRequest a = IDP.request(PrincipalKind.ADAPTER, user(PrincipalKind.ADAPTER, A), List.of(A), OWN_COMPONENTS);
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
        tokens.put("not a JWT", "abc.def");
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> t : tokens.entrySet()) {
            for (String[] call : List.of(new String[]{"POST", "/provider/utdanning/elev/elev"}, new String[]{"GET", "/provider/adapter"})) {
                HttpResponse<String> r = call(call[0], call[1], call[0].equals("POST") ? elevPage("matrix-invalid") : null, t.getValue());
                String challenge = r.headers().firstValue("WWW-Authenticate").orElse("");
                if (r.statusCode() != 401 || !challenge.contains("error=\"invalid_token\"") || !r.body().contains("\"status\":401")
                        || revealsA(r.body())) {
                    wrong.add(t.getKey() + " " + call[0] + " " + call[1] + ": " + r.statusCode() + " " + challenge + " " + r.body());
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        HttpResponse<String> none = call("GET", "/provider/adapter", null, null);
        assertEquals(401, none.statusCode());
        assertEquals("Bearer realm=\"fint-provider\"", none.headers().firstValue("WWW-Authenticate").orElseThrow());
        HttpResponse<String> basic = HTTP_SEND(HttpRequest.newBuilder(target.getUri().resolve("/provider/adapter"))
                .header("Authorization", "Basic dXNlcjpwYXNz").build());
        assertEquals(401, basic.statusCode());
        HttpResponse<String> expired = call("GET", "/provider/adapter", null, tokens.get("expired"));
        assertTrue(expired.body().contains("the token expired at"), expired.body());
    }

    @Test
    void healthMetricsAndOpenApiStayOpen() {
        for (String path : List.of("/health/live", "/health/ready", "/health/started", "/metrics", "/openapi")) {
            assertEquals(200, call("GET", path, null, null).statusCode(), path);
        }
        assertEquals(404, call("GET", "/not/ours", null, null).statusCode());
    }

    private static HttpResponse<String> HTTP_SEND(HttpRequest r) {
        try {
            return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Anything of A's beyond what the caller itself sent: its contract's user, its data, its adapter's or sync's state. */
    private static boolean revealsA(String body) {
        return body.contains(user(PrincipalKind.ADAPTER, A)) || body.contains(SECRET) || body.contains("\"heartbeat\":")
                || body.contains("\"state\":") || body.contains("resourcesReceived") || body.contains("registered for " + A)
                || body.contains("\"capabilities\"");
    }
}
