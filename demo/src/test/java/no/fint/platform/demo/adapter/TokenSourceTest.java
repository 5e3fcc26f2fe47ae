package no.fint.platform.demo.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import no.fint.platform.auth.PrincipalKind;
import no.fint.platform.demo.DataSet;
import no.fint.platform.model.Component;
import no.fint.platform.tokens.SigningKey;
import no.fint.platform.tokens.TokenRequest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenSourceTest {

    private static JsonNode claims(String token) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    @Test
    void everyRequestCarriesTheBearerToken() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> seen = new CopyOnWriteArrayList<>();
        server.createContext("/", ex -> {
            seen.add(ex.getRequestHeaders().getFirst("Authorization"));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
        try {
            ProviderClient client = new ProviderClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), new StopSignal(),
                    new Console(new PrintStream(new ByteArrayOutputStream(), true)), TokenSource.fixed("abc.def.ghi"));
            client.get("/provider/sync/x");
            client.send("POST", "/provider/heartbeat", "{}".getBytes());
            assertEquals(List.of("Bearer abc.def.ghi", "Bearer abc.def.ghi"), seen);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void mintedTokensNameTheAdapterItsOrganisationAndEveryComponentOfTheDataSet() throws Exception {
        AdapterSettings settings = AdapterSettings.defaults("rogfk.no");
        DataSet data = DataSet.of(DataSet.Size.SMALL, 1);
        JsonNode c = claims(TokenSource.minted(SigningKey.generate(), "https://idp", "fint-api", settings, data).token());
        assertEquals(settings.username(), c.path("cn").asText());
        assertEquals("rogfk.no", c.path("fintAssetIDs").asText());
        assertEquals("[\"fint-adapter\"]", c.path("scope").toString());
        assertEquals(data.components().size(), c.path("Roles").size());
        assertTrue(c.path("Roles").toString().contains("FINT_Adapter_felles_kodeverk_iso"), c.toString());
    }

    @Test
    void tokensAreFetchedFromAnOAuth2TokenEndpointAndFetchedAgainBeforeTheyExpire() throws Exception {
        HttpServer idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> forms = new CopyOnWriteArrayList<>();
        idp.createContext("/token", ex -> {
            forms.add(new String(ex.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            byte[] body = ("{\"access_token\":\"t" + forms.size() + "\",\"token_type\":\"Bearer\",\"expires_in\":1}").getBytes();
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        idp.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + idp.getAddress().getPort() + "/token");
            TokenSource source = TokenSource.fetched(url, "my-client", "s3cret&", "vigo@adapter.rogfk.no", "pw", "fint-adapter");
            assertEquals("t1", source.token());
            assertEquals("grant_type=password&client_id=my-client&client_secret=s3cret%26&username=vigo%40adapter.rogfk.no&password=pw"
                    + "&scope=fint-adapter", forms.get(0));
            assertEquals("t2", source.token(), "a token with a second to live is fetched again");
            TokenSource credentials = TokenSource.fetched(url, "c", "s", null, null, "fint-adapter");
            credentials.token();
            assertEquals("grant_type=client_credentials&client_id=c&client_secret=s&scope=fint-adapter", forms.get(2));
            TokenSource wrong = TokenSource.fetched(URI.create("http://127.0.0.1:" + idp.getAddress().getPort() + "/nothing"),
                    "c", "s", null, null, "fint-adapter");
            assertTrue(org.junit.jupiter.api.Assertions.assertThrows(ProviderClient.UnavailableException.class, wrong::token)
                    .getMessage().contains("answered 404"));
        } finally {
            idp.stop(0);
        }
    }

    @Test
    void aTokenIsRenewedFiveMinutesBeforeItExpires() {
        Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        TokenRequest r = new TokenRequest(PrincipalKind.ADAPTER, "a@adapter.fint.no", List.of("fint.no"),
                List.of(Component.parse("utdanning-elev")), "https://idp", "fint-api", Duration.ofHours(1));
        TokenSource.Minted source = new TokenSource.Minted(SigningKey.generate(), r, clock);
        String first = source.token();
        now[0] = now[0].plus(Duration.ofMinutes(54));
        assertEquals(first, source.token());
        now[0] = now[0].plus(Duration.ofMinutes(1));
        assertNotEquals(first, source.token());
    }
}
