package no.fint.platform.service.auth;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import no.fint.platform.auth.FintClaims;
import no.fint.platform.auth.FintPrincipal;
import no.fint.platform.auth.InvalidClaimsException;
import no.fint.platform.auth.TokenDiagnosis;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a request's {@code Authorization} header into an {@link Outcome}: the token validated by
 * MicroProfile JWT ({@link MpJwtValidator}), its FINT claims mapped to the one principal type
 * ({@link FintClaims}). Valid tokens are remembered until they expire (at most
 * {@code fint.auth.cache-size}), so a client's repeated requests cost a map lookup, not a signature
 * check. The keys are loaded at start (a service whose key file cannot be read does not start; keys
 * from a URL that cannot be fetched yet are retried, requests meanwhile get 503) and read again every
 * {@code fint.auth.keys-refresh}.
 */
@ApplicationScoped
public class TokenAuthenticator {

    private static final Logger LOG = Logger.getLogger(TokenAuthenticator.class.getName());
    private static final String BEARER = "bearer ";

    private record Cached(FintPrincipal principal, long expiresAt) {
    }

    private AuthSettings settings;
    private Clock clock;
    private volatile MpJwtValidator validator;
    private volatile String loadError = "the token keys are not loaded yet";
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService refresher;

    /** For CDI. */
    protected TokenAuthenticator() {
    }

    @Inject
    public TokenAuthenticator(AuthSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public TokenAuthenticator(AuthSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Loads the keys; throws (failing the service's start) without settings, or when a local key location cannot be read. */
    public synchronized void start() {
        if (refresher != null) {
            return;
        }
        settings.require();
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fint-token-keys");
            t.setDaemon(true);
            return t;
        });
        if (!reload()) {
            if (!settings.remoteKeys()) {
                refresher.shutdownNow();
                throw new DeploymentException("Cannot load the token verification keys from " + settings.keyLocation() + ": " + loadError);
            }
            refresher.scheduleWithFixedDelay(this::retryUntilLoaded, 10, 10, TimeUnit.SECONDS);
        }
        long every = settings.keysRefresh().toMillis();
        refresher.scheduleWithFixedDelay(this::reload, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    synchronized void stop() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    private void retryUntilLoaded() {
        if (validator == null) {
            reload();
        }
    }

    /** Loads the keys anew; the old ones stay in use when that fails. */
    boolean reload() {
        try {
            MpJwtValidator fresh = MpJwtValidator.load(settings);
            boolean first = validator == null;
            validator = fresh;
            cache.clear(); // a key removed at the IdP no longer vouches for remembered tokens
            if (first) {
                LOG.info("Bearer tokens: issuer " + settings.issuer() + ", audience " + settings.audiences() + ", keys from "
                        + settings.keyLocation());
            }
            return true;
        } catch (RuntimeException e) {
            loadError = String.valueOf(e.getMessage());
            LOG.log(validator == null ? Level.SEVERE : Level.WARNING, "Cannot load the token verification keys from "
                    + settings.keyLocation() + (validator == null ? "" : "; keeping the ones loaded before"), e);
            return false;
        }
    }

    /** Authenticates an {@code Authorization} header value (null when the request has none). */
    public Outcome authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return new Outcome.Missing("no bearer token (Authorization: Bearer <token>)");
        }
        String h = authorization.strip();
        if (h.length() <= BEARER.length() || !h.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return h.toLowerCase(Locale.ROOT).startsWith("bearer") ? new Outcome.Invalid("the bearer token is empty")
                    : new Outcome.Missing("only bearer tokens are accepted (Authorization: Bearer <token>)");
        }
        String token = h.substring(BEARER.length()).strip();
        long now = clock.millis() / 1000;
        Cached hit = cache.get(token);
        if (hit != null) {
            if (now <= hit.expiresAt()) {
                return new Outcome.Authenticated(hit.principal());
            }
            cache.remove(token);
        }
        if (refresher == null) {
            start();
        }
        MpJwtValidator v = validator;
        if (v == null) {
            return new Outcome.Unavailable("tokens cannot be checked now: " + loadError);
        }
        MpJwtValidator.Result result;
        try {
            result = v.validate(token);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Token validation failed unexpectedly", e);
            return new Outcome.Invalid(TokenDiagnosis.explain(token, settings.issuer(), settings.audiences(), clock.instant(),
                    settings.clockSkewSeconds()));
        }
        if (result instanceof MpJwtValidator.Result.Refused) {
            return new Outcome.Invalid(TokenDiagnosis.explain(token, settings.issuer(), settings.audiences(), clock.instant(),
                    settings.clockSkewSeconds()));
        }
        JsonWebToken jwt = ((MpJwtValidator.Result.Valid) result).token();
        FintPrincipal principal;
        try {
            principal = FintClaims.principal(name -> plain(jwt.getClaim(name)));
        } catch (InvalidClaimsException e) {
            return new Outcome.Invalid(e.getMessage());
        }
        remember(token, principal, jwt.getExpirationTime(), now);
        return new Outcome.Authenticated(principal);
    }

    private void remember(String token, FintPrincipal principal, long expiresAt, long now) {
        if (settings.cacheSize() == 0) {
            return;
        }
        if (cache.size() >= settings.cacheSize()) {
            cache.values().removeIf(c -> c.expiresAt() < now);
            if (cache.size() >= settings.cacheSize()) {
                cache.clear(); // many distinct live tokens: start over rather than grow
            }
        }
        cache.put(token, new Cached(principal, expiresAt));
    }

    /** A claim as a String or a List of Strings (what {@link FintClaims} reads); anything else as it is. */
    static Object plain(Object claim) {
        if (claim instanceof JsonString s) {
            return s.getString();
        }
        if (claim instanceof JsonArray a) {
            List<Object> out = new ArrayList<>(a.size());
            for (JsonValue v : a) {
                out.add(v instanceof JsonString s ? s.getString() : v);
            }
            return out;
        }
        if (claim instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        return claim;
    }
}
