package no.fint.platform.auth;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenDiagnosisTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String token(String header, String payload, String signature) {
        return b64(header) + "." + b64(payload) + "." + signature;
    }

    private static String explain(String token) {
        return TokenDiagnosis.explain(token, "https://idp", List.of("fint-api"), NOW, 30);
    }

    private static final String RS = "{\"alg\":\"RS256\",\"kid\":\"k1\"}";

    @Test
    void eachReason() {
        assertEquals("not a JWT (expected header.payload.signature)", explain("garbage"));
        assertEquals("encrypted tokens (JWE) are not accepted", explain("a.b.c.d.e"));
        assertTrue(explain("%%%.b.c").contains("header is not"));
        assertEquals("unsigned tokens (alg: none) are not accepted", explain(token("{\"alg\":\"none\"}", "{}", "")));
        assertEquals("unsigned tokens (alg: none) are not accepted", explain(token(RS, "{}", "")));
        assertTrue(explain(token(RS, "{}", "sig")).contains("names no issuer"));
        assertEquals("the token is issued by https://evil, not by the expected issuer https://idp",
                explain(token(RS, "{\"iss\":\"https://evil\"}", "sig")));
        assertEquals("the token's audience [other] is not fint-api",
                explain(token(RS, "{\"iss\":\"https://idp\",\"aud\":\"other\"}", "sig")));
        assertTrue(explain(token(RS, "{\"iss\":\"https://idp\"}", "sig")).contains("names no audience"));
        String base = "\"iss\":\"https://idp\",\"aud\":[\"x\",\"fint-api\"]";
        assertEquals("the token has no expiry time (exp)", explain(token(RS, "{" + base + "}", "sig")));
        assertEquals("the token expired at 2027-01-15T07:59:29Z",
                explain(token(RS, "{" + base + ",\"exp\":" + (NOW.getEpochSecond() - 31) + "}", "sig")));
        long fine = NOW.getEpochSecond() + 600;
        assertTrue(explain(token(RS, "{" + base + ",\"exp\":" + fine + ",\"nbf\":" + fine + "}", "sig")).contains("not valid before"));
        assertEquals("the token names no subject (sub)", explain(token(RS, "{" + base + ",\"exp\":" + fine + "}", "sig")));
        assertEquals("the token's signature does not verify with the configured keys (alg RS256, kid k1)",
                explain(token(RS, "{" + base + ",\"exp\":" + fine + ",\"sub\":\"s\"}", "sig")));
    }

    @Test
    void aTokenWithinTheClockSkewIsNotCalledExpired() {
        long exp = NOW.getEpochSecond() - 10;
        String t = token(RS, "{\"iss\":\"https://idp\",\"aud\":\"fint-api\",\"sub\":\"s\",\"exp\":" + exp + "}", "sig");
        assertTrue(explain(t).contains("signature"), explain(t));
    }
}
