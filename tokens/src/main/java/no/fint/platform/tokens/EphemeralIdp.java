package no.fint.platform.tokens;

import no.fint.platform.auth.PrincipalKind;
import no.fint.platform.model.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A throwaway identity provider for tests and benchmarks: one key per JVM, generated at first use,
 * its JWKS in a temporary file. Services under test verify against it ({@link #serviceConfig()}: given
 * to packaged services as system properties, and to {@code @HelidonTest} services through
 * {@link EphemeralIdpConfigSource}); tests mint tokens with it. Authentication stays on in every test.
 */
public final class EphemeralIdp {

    public static final String ISSUER = "https://idp.ephemeral.test/fint";
    public static final String AUDIENCE = "fint-api";

    private static volatile EphemeralIdp shared;

    private final SigningKey key;
    private final Path jwks;

    private EphemeralIdp() {
        try {
            Path dir = Files.createTempDirectory("fint-ephemeral-idp-");
            dir.toFile().deleteOnExit();
            key = SigningKey.generate();
            jwks = dir.resolve(SigningKey.JWKS_FILE);
            Files.writeString(jwks, key.jwks());
            jwks.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one of this JVM. */
    public static EphemeralIdp shared() {
        EphemeralIdp i = shared;
        if (i == null) {
            synchronized (EphemeralIdp.class) {
                if (shared == null) {
                    shared = new EphemeralIdp();
                }
                i = shared;
            }
        }
        return i;
    }

    /** The MicroProfile JWT settings of a service that trusts this IdP. */
    public Map<String, String> serviceConfig() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("mp.jwt.verify.issuer", ISSUER);
        c.put("mp.jwt.verify.audiences", AUDIENCE);
        c.put("mp.jwt.verify.publickey.location", jwks.toString());
        return c;
    }

    public SigningKey key() {
        return key;
    }

    /** An adapter token for one organisation with the adapter roles of the components ({@code utdanning-elev}). */
    public String adapter(String org, String... components) {
        return mint(request(PrincipalKind.ADAPTER, TokenRequest.defaultUsername(PrincipalKind.ADAPTER, org), List.of(org), components));
    }

    /** A client token for one organisation with the client roles of the components. */
    public String client(String org, String... components) {
        return mint(request(PrincipalKind.CLIENT, TokenRequest.defaultUsername(PrincipalKind.CLIENT, org), List.of(org), components));
    }

    /** A request valid for an hour, from this IdP. */
    public TokenRequest request(PrincipalKind kind, String username, List<String> orgs, String... components) {
        return new TokenRequest(kind, username, orgs, Arrays.stream(components).map(Component::parse).toList(),
                ISSUER, AUDIENCE, Duration.ofHours(1));
    }

    public String mint(TokenRequest r) {
        return TokenMinter.mint(key, r, Instant.now());
    }

    /** A token of the request with its claims changed (removed, replaced, added) before signing. */
    public String mint(TokenRequest r, Consumer<Map<String, Object>> change) {
        Map<String, Object> claims = TokenMinter.claims(r, Instant.now());
        change.accept(claims);
        return TokenMinter.sign(key, claims);
    }
}
