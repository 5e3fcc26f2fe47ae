package no.fint.platform.tokens;

import io.helidon.security.jwt.Jwt;
import io.helidon.security.jwt.SignedJwt;
import io.helidon.security.jwt.jwk.JwkRSA;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Signs tokens shaped like FINT's IdP's (RS256, helidon-security-jwt's {@code SignedJwt}). */
public final class TokenMinter {

    private TokenMinter() {
    }

    /** The compact token for a request, valid from {@code now}. */
    public static String mint(SigningKey key, TokenRequest r, Instant now) {
        return sign(key, claims(r, now));
    }

    /** The claims {@link #mint} signs, for tests that change or drop one. */
    public static Map<String, Object> claims(TokenRequest r, Instant now) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", r.issuer());
        c.put("aud", r.audience());
        c.put("sub", r.username());
        c.put("iat", now.getEpochSecond());
        c.put("nbf", now.getEpochSecond());
        c.put("exp", now.plus(r.validity()).getEpochSecond());
        c.put("jti", UUID.randomUUID().toString());
        c.put("cn", r.username());
        c.put("fintAssetIDs", String.join(",", r.orgs()));
        c.put("scope", List.of(r.kind().scope()));
        c.put("Roles", r.roles());
        return c;
    }

    /** Signs any payload with the key (RS256, its kid in the header). */
    public static String sign(SigningKey key, Map<String, Object> claims) {
        return sign(key.jwk(), key.keyId(), claims);
    }

    static String sign(JwkRSA jwk, String keyId, Map<String, Object> claims) {
        Jwt.Builder b = Jwt.builder().algorithm(JwkRSA.ALG_RS256).keyId(keyId).type("JWT");
        claims.forEach(b::addPayloadClaim);
        return SignedJwt.sign(b.build(), jwk).tokenContent();
    }
}
