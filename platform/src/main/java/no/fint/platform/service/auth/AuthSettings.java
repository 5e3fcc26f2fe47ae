package no.fint.platform.service.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * How bearer tokens are validated: the MicroProfile JWT settings ({@code mp.jwt.verify.issuer},
 * {@code mp.jwt.verify.audiences}, {@code mp.jwt.verify.publickey.location}: a JWKS or PEM file, or an
 * http(s) URL such as an OIDC server's {@code jwks_uri}) and ours ({@code fint.auth.*}). Issuer,
 * audience and key location have no default: a service without them does not start.
 */
@ApplicationScoped
public class AuthSettings {

    private String issuer;
    private Set<String> audiences;
    private String keyLocation;
    private int clockSkewSeconds;
    private Duration keysRefresh;
    private int cacheSize;

    /** For CDI. */
    protected AuthSettings() {
    }

    @Inject
    public AuthSettings(@ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer,
                        @ConfigProperty(name = "mp.jwt.verify.audiences") Optional<String> audiences,
                        @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> keyLocation,
                        @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "30") int clockSkewSeconds,
                        @ConfigProperty(name = "fint.auth.keys-refresh", defaultValue = "PT1H") Duration keysRefresh,
                        @ConfigProperty(name = "fint.auth.cache-size", defaultValue = "10000") int cacheSize) {
        this(issuer.orElse(null), audiences.map(AuthSettings::split).orElse(Set.of()), keyLocation.orElse(null),
                clockSkewSeconds, keysRefresh, cacheSize);
    }

    /** Settings given directly (tests, tools). */
    public AuthSettings(String issuer, Set<String> audiences, String keyLocation, int clockSkewSeconds, Duration keysRefresh, int cacheSize) {
        this.issuer = issuer;
        this.audiences = Set.copyOf(audiences);
        this.keyLocation = keyLocation;
        this.clockSkewSeconds = clockSkewSeconds;
        this.keysRefresh = keysRefresh;
        this.cacheSize = cacheSize;
    }

    /** Refuses to start without issuer, audience and key location (a service that accepts any token must not run). */
    public void require() {
        StringBuilder missing = new StringBuilder();
        if (issuer == null || issuer.isBlank()) {
            missing.append(" mp.jwt.verify.issuer");
        }
        if (audiences.isEmpty()) {
            missing.append(" mp.jwt.verify.audiences");
        }
        if (keyLocation == null || keyLocation.isBlank()) {
            missing.append(" mp.jwt.verify.publickey.location");
        }
        if (!missing.isEmpty()) {
            throw new DeploymentException("Bearer token validation is not configured; set" + missing
                    + " (system properties or environment variables such as MP_JWT_VERIFY_ISSUER; ./fint up sets them for local use)");
        }
        if (clockSkewSeconds < 0 || cacheSize < 0 || keysRefresh.isNegative() || keysRefresh.isZero()) {
            throw new DeploymentException("mp.jwt.verify.clock.skew, fint.auth.cache-size and fint.auth.keys-refresh must be positive");
        }
    }

    public String issuer() {
        return issuer;
    }

    public Set<String> audiences() {
        return audiences;
    }

    /** Where the verification keys are: a file, a classpath resource or an http(s) URL. */
    public String keyLocation() {
        return keyLocation;
    }

    public boolean remoteKeys() {
        return keyLocation != null && (keyLocation.startsWith("http://") || keyLocation.startsWith("https://"));
    }

    public int clockSkewSeconds() {
        return clockSkewSeconds;
    }

    /** How often the keys are read again (key rotation at the IdP). */
    public Duration keysRefresh() {
        return keysRefresh;
    }

    /** Validated tokens remembered until they expire (a client sends the same token many times). */
    public int cacheSize() {
        return cacheSize;
    }

    private static Set<String> split(String s) {
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).forEach(out::add);
        return out;
    }
}
