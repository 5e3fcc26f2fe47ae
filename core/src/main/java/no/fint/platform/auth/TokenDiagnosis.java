package no.fint.platform.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * Says why a bearer token the validator refused is not valid, so an adapter's or client's developer
 * gets a clear 401 ("expired at ...", "issued by ..."). Reads the token without trusting it: it runs
 * only after the signature and claim checks have already refused the token, and only explains the
 * caller's own token to the caller.
 */
public final class TokenDiagnosis {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenDiagnosis() {
    }

    /**
     * @param token       the compact token as sent (without "Bearer ")
     * @param issuer      the expected issuer
     * @param audiences   the accepted audiences
     * @param now         the time of the check
     * @param skewSeconds the clock skew the validator allows
     */
    public static String explain(String token, String issuer, Collection<String> audiences, Instant now, long skewSeconds) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length == 5) {
            return "encrypted tokens (JWE) are not accepted";
        }
        if (parts.length != 3) {
            return "not a JWT (expected header.payload.signature)";
        }
        JsonNode header = json(parts[0]);
        if (header == null || !header.isObject()) {
            return "not a JWT (the header is not base64url-encoded JSON)";
        }
        String alg = header.path("alg").asText("");
        if (alg.isEmpty() || alg.equalsIgnoreCase("none") || parts[2].isEmpty()) {
            return "unsigned tokens (alg: none) are not accepted";
        }
        JsonNode payload = json(parts[1]);
        if (payload == null || !payload.isObject()) {
            return "not a JWT (the payload is not base64url-encoded JSON)";
        }
        String iss = payload.path("iss").asText(null);
        if (iss == null) {
            return "the token names no issuer (iss); expected " + issuer;
        }
        if (!iss.equals(issuer)) {
            return "the token is issued by " + iss + ", not by the expected issuer " + issuer;
        }
        List<String> aud = strings(payload.get("aud"));
        if (aud.stream().noneMatch(audiences::contains)) {
            return aud.isEmpty() ? "the token names no audience (aud); expected " + String.join(" or ", audiences)
                    : "the token's audience " + aud + " is not " + String.join(" or ", audiences);
        }
        JsonNode exp = payload.get("exp");
        if (exp == null || !exp.isNumber()) {
            return "the token has no expiry time (exp)";
        }
        if (exp.asLong() + skewSeconds < now.getEpochSecond()) {
            return "the token expired at " + Instant.ofEpochSecond(exp.asLong());
        }
        JsonNode nbf = payload.get("nbf");
        if (nbf != null && nbf.isNumber() && nbf.asLong() - skewSeconds > now.getEpochSecond()) {
            return "the token is not valid before " + Instant.ofEpochSecond(nbf.asLong());
        }
        JsonNode iat = payload.get("iat");
        if (iat != null && iat.isNumber() && iat.asLong() - skewSeconds > now.getEpochSecond()) {
            return "the token is issued in the future (" + Instant.ofEpochSecond(iat.asLong()) + ")";
        }
        if (!payload.hasNonNull("sub") && !payload.hasNonNull("upn") && !payload.hasNonNull("preferred_username")) {
            return "the token names no subject (sub)";
        }
        return "the token's signature does not verify with the configured keys (alg " + alg
                + (header.hasNonNull("kid") ? ", kid " + header.get("kid").asText() : "") + ")";
    }

    private static JsonNode json(String base64url) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(base64url));
        } catch (Exception e) {
            return null;
        }
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node.isTextual()) {
            out.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        }
        return out;
    }
}
