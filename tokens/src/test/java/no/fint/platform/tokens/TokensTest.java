package no.fint.platform.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.common.configurable.Resource;
import io.helidon.security.jwt.SignedJwt;
import io.helidon.security.jwt.jwk.JwkKeys;
import no.fint.platform.auth.FintClaims;
import no.fint.platform.auth.FintPrincipal;
import no.fint.platform.auth.PrincipalKind;
import no.fint.platform.model.Component;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokensTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode payload(String token) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    @Test
    void theLocalKeyIsGeneratedOnceAndReused(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys");
        SigningKey first = SigningKey.loadOrCreate(keys);
        String pem = Files.readString(keys.resolve(SigningKey.PRIVATE_FILE));
        SigningKey again = SigningKey.loadOrCreate(keys);
        assertEquals(first.keyId(), again.keyId());
        assertEquals(pem, Files.readString(keys.resolve(SigningKey.PRIVATE_FILE)));
        JsonNode jwks = JSON.readTree(Files.readString(keys.resolve(SigningKey.JWKS_FILE)));
        assertEquals(first.keyId(), jwks.path("keys").path(0).path("kid").asText());
        assertEquals("RS256", jwks.path("keys").path(0).path("alg").asText());
        assertFalse(jwks.toString().contains("\"d\""), "no private part in the JWKS");
        assertNotEquals(first.keyId(), SigningKey.generate().keyId());
    }

    @Test
    void aMintedTokenCarriesFintsClaimsAndVerifiesWithTheJwks(@TempDir Path dir) throws Exception {
        SigningKey key = SigningKey.loadOrCreate(dir);
        TokenRequest r = new TokenRequest(PrincipalKind.ADAPTER, "vigo@adapter.rogfk.no", List.of("rogfk.no", "fint.no"),
                List.of(Component.parse("utdanning-elev"), Component.parse("felles/kodeverk/iso")), "https://idp", "fint-api",
                java.time.Duration.ofMinutes(5));
        Instant now = Instant.now();
        String token = TokenMinter.mint(key, r, now);
        JsonNode p = payload(token);
        assertEquals("vigo@adapter.rogfk.no", p.path("cn").asText());
        assertEquals("rogfk.no,fint.no", p.path("fintAssetIDs").asText());
        assertEquals("[\"fint-adapter\"]", p.path("scope").toString());
        assertEquals("[\"FINT_Adapter_utdanning_elev\",\"FINT_Adapter_felles_kodeverk_iso\"]", p.path("Roles").toString());
        assertEquals("https://idp", p.path("iss").asText());
        assertEquals("fint-api", p.path("aud").asText());
        assertTrue(p.path("exp").isNumber());
        assertEquals(now.getEpochSecond() + 300, p.path("exp").asLong());

        JwkKeys keys = JwkKeys.builder().resource(Resource.create(dir.resolve(SigningKey.JWKS_FILE))).build();
        assertTrue(SignedJwt.parseToken(token).verifySignature(keys).isValid());
        JwkKeys other = JwkKeys.builder().resource(Resource.create("other", SigningKey.generate().jwks())).build();
        assertFalse(SignedJwt.parseToken(token).verifySignature(other).isValid());

        // The services' mapping reads the same claims back.
        FintPrincipal principal = FintClaims.principal(name -> {
            JsonNode n = p.get(name);
            if (n == null) {
                return null;
            }
            if (n.isArray()) {
                List<String> l = new ArrayList<>();
                n.forEach(e -> l.add(e.asText()));
                return l;
            }
            return n.asText();
        });
        assertEquals(PrincipalKind.ADAPTER, principal.kind());
        assertEquals(Set.of(Component.parse("utdanning-elev"), Component.parse("felles-kodeverk-iso")), principal.components());
    }

    @Test
    void fintTokenPrintsATokenAndRefusesWrongCommandLines(@TempDir Path dir) throws Exception {
        String token = TokenMain.run(List.of("token", "--client", "--org", "fint.no", "--component", "utdanning-elev,utdanning/vurdering",
                "--keys", dir.toString(), "--validity", "30m"));
        JsonNode p = payload(token);
        assertEquals("demo@client.fint.no", p.path("cn").asText());
        assertEquals("[\"FINT_Client_utdanning_elev\",\"FINT_Client_utdanning_vurdering\"]", p.path("Roles").toString());
        assertEquals(LocalIdp.ISSUER, p.path("iss").asText());
        assertEquals(p.path("iat").asLong() + 1800, p.path("exp").asLong());
        assertTrue(Files.exists(dir.resolve(SigningKey.JWKS_FILE)));
        assertEquals(dir.resolve(SigningKey.JWKS_FILE).toAbsolutePath().toString(), TokenMain.run(List.of("keys", "--keys", dir.toString())));

        for (List<String> bad : List.of(
                List.of("token", "--org", "fint.no", "--component", "utdanning-elev"),
                List.of("token", "--adapter", "--client", "--org", "fint.no", "--component", "utdanning-elev"),
                List.of("token", "--adapter", "--org", "fint", "--component", "utdanning-elev"),
                List.of("token", "--adapter", "--org", "fint.no"),
                List.of("token", "--adapter", "--org", "fint.no", "--component", "elev"),
                List.of("token", "--adapter", "--org", "fint.no", "--component", "utdanning-elev", "--validity", "forever"),
                List.of("token", "--adapter", "--org"),
                List.of("token", "--adapter", "--what"),
                List.of("mint"))) {
            assertThrows(TokenMain.UsageException.class, () -> TokenMain.run(bad), bad.toString());
        }
    }
}
