package no.fint.platform.service.auth;

import jakarta.enterprise.inject.spi.DeploymentException;
import no.fint.platform.auth.PrincipalKind;
import no.fint.platform.model.Component;
import no.fint.platform.tokens.EphemeralIdp;
import no.fint.platform.tokens.SigningKey;
import no.fint.platform.tokens.TokenMinter;
import no.fint.platform.tokens.TokenRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenAuthenticatorTest {

    private static final EphemeralIdp IDP = EphemeralIdp.shared();

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        Instant now = Instant.now();

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
            return now;
        }
    }

    private final MovingClock clock = new MovingClock();
    private TokenAuthenticator auth;

    private TokenAuthenticator started(String location) {
        Map<String, String> c = IDP.serviceConfig();
        auth = new TokenAuthenticator(new AuthSettings(c.get("mp.jwt.verify.issuer"), Set.of(c.get("mp.jwt.verify.audiences")),
                location == null ? c.get("mp.jwt.verify.publickey.location") : location, 30, Duration.ofHours(1), 100), clock);
        auth.start();
        return auth;
    }

    @AfterEach
    void stop() {
        if (auth != null) {
            auth.stop();
        }
    }

    private static TokenRequest adapterRequest() {
        return IDP.request(PrincipalKind.ADAPTER, "vigo@adapter.fint.no", List.of("fint.no"), "utdanning-elev");
    }

    private static String invalid(Outcome o) {
        return assertInstanceOf(Outcome.Invalid.class, o).reason();
    }

    @Test
    void aValidTokenGivesItsPrincipal() {
        Outcome o = started(null).authenticate("Bearer " + IDP.mint(adapterRequest()));
        var p = assertInstanceOf(Outcome.Authenticated.class, o).principal();
        assertEquals("vigo@adapter.fint.no", p.username());
        assertEquals(PrincipalKind.ADAPTER, p.kind());
        assertEquals(Set.of("fint.no"), p.orgs());
        assertEquals(Set.of(Component.parse("utdanning-elev")), p.components());
        assertInstanceOf(Outcome.Authenticated.class, auth.authenticate("bearer   " + IDP.client("fint.no", "utdanning-elev")));
    }

    @Test
    void noBearerTokenIsMissing() {
        started(null);
        assertInstanceOf(Outcome.Missing.class, auth.authenticate(null));
        assertInstanceOf(Outcome.Missing.class, auth.authenticate(" "));
        assertInstanceOf(Outcome.Missing.class, auth.authenticate("Basic dXNlcjpwYXNz"));
        assertEquals("the bearer token is empty", invalid(auth.authenticate("Bearer ")));
    }

    @Test
    void invalidTokensAreRefusedWithTheReason() {
        started(null);
        TokenRequest r = adapterRequest();
        assertTrue(invalid(auth.authenticate("Bearer " + IDP.mint(r, c -> c.put("exp", Instant.now().minusSeconds(600).getEpochSecond()))))
                .startsWith("the token expired at"));
        assertTrue(invalid(auth.authenticate("Bearer " + IDP.mint(r, c -> c.remove("exp")))).contains("no expiry"));
        assertTrue(invalid(auth.authenticate("Bearer " + IDP.mint(r, c -> c.put("iss", "https://evil.example")))).contains("issued by https://evil.example"));
        assertTrue(invalid(auth.authenticate("Bearer " + IDP.mint(r, c -> c.put("aud", "someone-else")))).contains("audience [someone-else]"));
        assertTrue(invalid(auth.authenticate("Bearer " + IDP.mint(r, c -> c.remove("sub")))).contains("no subject"));
        String foreign = TokenMinter.mint(SigningKey.generate(), r, Instant.now());
        assertTrue(invalid(auth.authenticate("Bearer " + foreign)).contains("signature does not verify"));
        String good = IDP.mint(r);
        String[] parts = good.split("\\.");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("fint.no", "rogfk.no")
                        .getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertTrue(invalid(auth.authenticate("Bearer " + tampered)).contains("signature does not verify"));
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";
        assertEquals("unsigned tokens (alg: none) are not accepted", invalid(auth.authenticate("Bearer " + none)));
        String noneWithKid = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"alg\":\"none\",\"kid\":\"" + IDP.key().keyId() + "\"}").getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        assertEquals("unsigned tokens (alg: none) are not accepted", invalid(auth.authenticate("Bearer " + noneWithKid)));
        assertEquals("not a JWT (expected header.payload.signature)", invalid(auth.authenticate("Bearer garbage")));
    }

    @Test
    void tokensWithoutFintsClaimsAreInvalid() {
        started(null);
        for (String claim : List.of("cn", "fintAssetIDs", "scope", "Roles")) {
            String reason = invalid(auth.authenticate("Bearer " + IDP.mint(adapterRequest(), c -> c.remove(claim))));
            assertTrue(reason.contains(claim), reason);
        }
        assertTrue(invalid(auth.authenticate("Bearer " + IDP.mint(adapterRequest(), c -> c.put("fintAssetIDs", "no-org-here!"))))
                .contains("fintAssetIDs"));
    }

    @Test
    void aRememberedTokenStillExpires() throws Exception {
        Map<String, String> c = IDP.serviceConfig();
        auth = new TokenAuthenticator(new AuthSettings(c.get("mp.jwt.verify.issuer"), Set.of(c.get("mp.jwt.verify.audiences")),
                c.get("mp.jwt.verify.publickey.location"), 0, Duration.ofHours(1), 100), Clock.systemUTC());
        auth.start();
        Instant exp = Instant.now().plusSeconds(2);
        String token = IDP.mint(adapterRequest(), claims -> claims.put("exp", exp.getEpochSecond()));
        assertInstanceOf(Outcome.Authenticated.class, auth.authenticate("Bearer " + token));
        assertInstanceOf(Outcome.Authenticated.class, auth.authenticate("Bearer " + token)); // remembered
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), exp.plusMillis(1100)).toMillis()));
        assertTrue(invalid(auth.authenticate("Bearer " + token)).startsWith("the token expired at"));
    }

    @Test
    void aServiceWithoutSettingsOrKeysDoesNotStart() {
        assertThrows(DeploymentException.class, () -> new TokenAuthenticator(
                new AuthSettings(null, Set.of(), null, 30, Duration.ofHours(1), 10), clock).start());
        DeploymentException e = assertThrows(DeploymentException.class, () -> started("/nonexistent/jwks.json"));
        assertTrue(e.getMessage().contains("/nonexistent/jwks.json"), e.getMessage());
        auth = null;
    }

    @Test
    void keysFromAnUnreachableUrlGive503UntilTheyLoad() {
        started("http://127.0.0.1:1/jwks.json");
        Outcome o = auth.authenticate("Bearer " + IDP.mint(adapterRequest()));
        assertTrue(assertInstanceOf(Outcome.Unavailable.class, o).reason().startsWith("tokens cannot be checked now"));
    }

    @Test
    void theChallengeFollowsRfc6750() {
        assertEquals("Bearer realm=\"fint\"", Challenge.of("fint", new Outcome.Missing("x")));
        assertEquals("Bearer realm=\"fint\", error=\"invalid_token\", error_description=\"bad 'quote' here\"",
                Challenge.of("fint", new Outcome.Invalid("bad \"quote\"\nhere".replace('\n', ' '))));
    }
}
