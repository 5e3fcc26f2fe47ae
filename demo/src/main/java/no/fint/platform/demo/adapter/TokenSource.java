package no.fint.platform.demo.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.fint.platform.auth.PrincipalKind;
import no.fint.platform.demo.DataSet;
import no.fint.platform.model.Component;
import no.fint.platform.tokens.SigningKey;
import no.fint.platform.tokens.TokenMinter;
import no.fint.platform.tokens.TokenRequest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where the adapter's bearer token comes from: one given as it is ({@code --token}), one fetched from an
 * OAuth2 token endpoint (as FINT adapters get theirs: the password grant with client id and secret, or
 * client credentials) and fetched again before it expires, or one minted with a signing key the
 * provider trusts (the local key of {@code ./fint up}) and minted again before it expires.
 */
public interface TokenSource {

    /** The token to send now. */
    String token();

    static TokenSource fixed(String token) {
        return () -> token;
    }

    /**
     * Adapter tokens for the settings' organisation and username, with the adapter roles of every
     * component the data set covers, valid an hour and renewed five minutes before they expire.
     */
    static TokenSource minted(SigningKey key, String issuer, String audience, AdapterSettings settings, DataSet data) {
        List<Component> components = List.copyOf(data.components());
        TokenRequest request = new TokenRequest(PrincipalKind.ADAPTER, settings.username(), List.of(settings.orgId()), components,
                issuer, audience, Duration.ofHours(1));
        return new Minted(key, request, Clock.systemUTC());
    }

    /**
     * Tokens from an OAuth2 token endpoint: {@code grant_type=password} when a username is given (FINT's
     * IdP), else {@code client_credentials}; the client authenticates with id and secret in the form.
     */
    static TokenSource fetched(URI tokenUrl, String clientId, String clientSecret, String username, String password, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", username != null ? "password" : "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        if (username != null) {
            form.put("username", username);
            form.put("password", password == null ? "" : password);
        }
        form.put("scope", scope);
        return new Fetched(tokenUrl, form, Clock.systemUTC());
    }

    /** Fetches anew when the current token has less than a minute (or a tenth of its life) left. */
    final class Fetched implements TokenSource {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final URI url;
        private final String body;
        private final Clock clock;
        private String token;
        private Instant renewAt = Instant.MIN;

        Fetched(URI url, Map<String, String> form, Clock clock) {
            this.url = url;
            this.body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            this.clock = clock;
        }

        @Override
        public synchronized String token() {
            Instant now = clock.instant();
            if (token != null && now.isBefore(renewAt)) {
                return token;
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                JsonNode answer = r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
                if (answer == null || !answer.hasNonNull("access_token")) {
                    throw new ProviderClient.UnavailableException("the token endpoint " + url + " answered " + r.statusCode() + ": "
                            + r.body(), null);
                }
                token = answer.get("access_token").asText();
                long life = answer.path("expires_in").asLong(300);
                renewAt = now.plusSeconds(life - Math.min(60, Math.max(1, life / 10)));
                return token;
            } catch (IOException e) {
                throw new ProviderClient.UnavailableException("cannot fetch a token from " + url + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderClient.UnavailableException("interrupted while fetching a token", e);
            }
        }
    }

    /** Mints anew when the current token has less than five minutes left. */
    final class Minted implements TokenSource {
        private final SigningKey key;
        private final TokenRequest request;
        private final Clock clock;
        private String token;
        private Instant renewAt = Instant.MIN;

        Minted(SigningKey key, TokenRequest request, Clock clock) {
            this.key = key;
            this.request = request;
            this.clock = clock;
        }

        @Override
        public synchronized String token() {
            Instant now = clock.instant();
            if (!now.isBefore(renewAt)) {
                token = TokenMinter.mint(key, request, now);
                renewAt = now.plus(request.validity()).minus(Duration.ofMinutes(5));
            }
            return token;
        }
    }
}
