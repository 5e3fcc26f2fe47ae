package no.fint.platform.provider;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import no.fint.platform.auth.Access;
import no.fint.platform.auth.ProviderRules;
import no.fint.platform.service.Problems;
import no.fint.platform.service.auth.Challenge;
import no.fint.platform.service.auth.Outcome;
import no.fint.platform.service.auth.TokenAuthenticator;
import no.fint.platform.service.auth.TokenSecurityContext;

/**
 * Every provider endpoint needs an adapter's bearer token: none or an invalid one is 401 with
 * {@code WWW-Authenticate}, a valid token that is not an adapter's is 403 (problem+json). Runs before the
 * body is read. The resources get the caller from the security context; what the caller may do with a
 * given organisation, component or contract is decided by {@link ProviderRules} there.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class AdapterAuthFilter implements ContainerRequestFilter {

    static final String REALM = "fint-provider";

    private TokenAuthenticator authenticator;
    private ProviderSettings settings;

    /** For CDI. */
    protected AdapterAuthFilter() {
    }

    @Inject
    public AdapterAuthFilter(TokenAuthenticator authenticator, ProviderSettings settings) {
        this.authenticator = authenticator;
        this.settings = settings;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("provider")) {
            return; // not an API path (Helidon serves health, metrics, openapi itself)
        }
        Outcome outcome = authenticator.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        switch (outcome) {
            case Outcome.Authenticated a -> {
                Access access = ProviderRules.adapterToken(a.principal());
                if (!access.allowed()) {
                    request.abortWith(Problems.response(403, "Forbidden", access.reason()));
                    return;
                }
                request.setSecurityContext(new TokenSecurityContext(a.principal(), request.getSecurityContext().isSecure()));
            }
            case Outcome.Missing m -> request.abortWith(unauthorized(outcome, m.reason()));
            case Outcome.Invalid i -> request.abortWith(unauthorized(outcome, "the bearer token is not valid: " + i.reason()));
            case Outcome.Unavailable u -> request.abortWith(Response.fromResponse(Problems.response(503, "Service Unavailable", u.reason()))
                    .header("Retry-After", String.valueOf(settings.retryAfterSeconds())).build());
        }
    }

    private static Response unauthorized(Outcome outcome, String detail) {
        return Response.fromResponse(Problems.response(401, "Unauthorized", detail))
                .header(Challenge.HEADER, Challenge.of(REALM, outcome)).build();
    }
}
