package no.fint.platform.service.auth;

import io.helidon.microprofile.jwt.auth.JwtAuthProvider;
import io.helidon.security.AuthenticationResponse;
import io.helidon.security.EndpointConfig;
import io.helidon.security.Security;
import io.helidon.security.SecurityEnvironment;
import io.helidon.security.SecurityLevel;
import io.helidon.security.SecurityResponse;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Validates a bearer token with Helidon's MicroProfile JWT provider ({@code JwtAuthProvider} of
 * helidon-microprofile-jwt-auth), configured from {@link AuthSettings}: signature against the keys at
 * {@code mp.jwt.verify.publickey.location} (the token's {@code kid}, RS256/ES256; {@code alg: none} is
 * refused), issuer, audience, expiry (required) and a subject. Used directly rather than through
 * Helidon's JAX-RS security filter, so each service decides its own order (the consumer must answer 401
 * before its v1 route checks) and its own bodies (problem+json, v1 error JSON) and adds
 * {@code WWW-Authenticate}.
 */
final class MpJwtValidator {

    /** What the provider looks for to know it is asked for MP-JWT (normally on a JAX-RS Application). */
    @LoginConfig(authMethod = "MP-JWT")
    private static final class MpJwt {
    }

    private static final String PROVIDER = "mp-jwt-auth";
    private static final EndpointConfig ENDPOINT = EndpointConfig.builder()
            .securityLevels(List.of(SecurityLevel.create("fint")
                    .withClassAnnotations(Map.of(LoginConfig.class, List.<Annotation>of(MpJwt.class.getAnnotation(LoginConfig.class))))
                    .build()))
            .build();

    /** A validation's result. */
    sealed interface Result {
        record Valid(JsonWebToken token) implements Result {
        }

        record Refused(String description) implements Result {
        }
    }

    private final Security security;

    private MpJwtValidator(Security security) {
        this.security = security;
    }

    /** Builds the validator and loads its keys now: throws when they cannot be loaded. */
    static MpJwtValidator load(AuthSettings s) {
        JwtAuthProvider provider = JwtAuthProvider.builder()
                .expectedIssuer(s.issuer())
                .expectedAudiences(s.audiences())
                .publicKeyPath(s.keyLocation())
                .clockSkew(s.clockSkewSeconds())
                .optional(false)
                .propagate(false)
                .loadOnStartup(true)
                .build();
        return new MpJwtValidator(Security.builder().addAuthenticationProvider(provider, PROVIDER).build());
    }

    Result validate(String token) {
        SecurityEnvironment env = SecurityEnvironment.builder()
                .headers(Map.of("Authorization", List.of("Bearer " + token)))
                .build();
        AuthenticationResponse r = security.contextBuilder(UUID.randomUUID().toString()).env(env).endpointConfig(ENDPOINT).build()
                .atnClientBuilder().submit();
        if (r.status() == SecurityResponse.SecurityStatus.SUCCESS && r.user().isPresent()
                && r.user().get().principal() instanceof JsonWebToken jwt) {
            return new Result.Valid(jwt);
        }
        return new Result.Refused(r.description().orElse(r.status().name()));
    }
}
