package no.fint.platform.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import no.fint.platform.auth.Access;
import no.fint.platform.auth.ConsumerRules;
import no.fint.platform.auth.FintPrincipal;
import no.fint.platform.render.MediaNegotiation;
import no.fint.platform.render.V1Bodies;
import no.fint.platform.render.V1Route;
import no.fint.platform.service.auth.Challenge;
import no.fint.platform.service.auth.Outcome;
import no.fint.platform.service.auth.TokenAuthenticator;
import no.fint.platform.service.auth.TokenSecurityContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Logger;

/**
 * Who may read from this consumer: a client token ({@code scope} fint-client) naming the organisation
 * this consumer serves, with the client role of the path's component ({@link ConsumerRules}). The
 * consumer checks it itself, before v1's route checks; {@code x-org-id} and {@code x-client} are then
 * the token's (the served organisation and the token's {@code cn}), whatever the request sent.
 * The typed OpenAPI documents ({@code /openapi/{domain}/{package}}) stay open.
 *
 * <p>Errors in v1's style, Spring Boot's error JSON: 401 (with {@code WWW-Authenticate}) for no or an
 * invalid token, 403 for a valid token without the right, 503 when tokens cannot be checked now.
 *
 * <p>{@code fint.consumer.trust-gateway-headers=true} (off by default) is FINT v1's arrangement for
 * deployments behind a gateway that authenticates clients and sets {@code x-org-id}/{@code x-client}:
 * the consumer then checks no token and takes both headers as sent.
 */
@ApplicationScoped
public class ClientAuthorisation {

    private static final Logger LOG = Logger.getLogger(ClientAuthorisation.class.getName());
    static final String REALM = "fint-consumer";
    static final String ORG_HEADER = "x-org-id";
    static final String CLIENT_HEADER = "x-client";

    private TokenAuthenticator tokens;
    private ConsumerSettings settings;
    private boolean trustGateway;

    /** For CDI. */
    protected ClientAuthorisation() {
    }

    @Inject
    public ClientAuthorisation(TokenAuthenticator tokens, ConsumerSettings settings,
                               @ConfigProperty(name = "fint.consumer.trust-gateway-headers", defaultValue = "false") boolean trustGateway) {
        this.tokens = tokens;
        this.settings = settings;
        this.trustGateway = trustGateway;
    }

    /** Loads the token keys at start: a consumer without token settings does not start (unless it trusts a gateway). */
    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (trustGateway) {
            LOG.warning("fint.consumer.trust-gateway-headers=true: no bearer token is checked; x-org-id and x-client are taken "
                    + "as an upstream gateway sent them. Only behind a gateway that authenticates every request.");
            return;
        }
        tokens.start();
    }

    /**
     * @return null when the request may go on (its {@code x-org-id}/{@code x-client} now the token's),
     *         else the answer
     */
    Response authorise(V1Route route, ContainerRequestContext ctx, String rawPath) {
        if (trustGateway || route.kind() == V1Route.Kind.OPENAPI || "OPTIONS".equals(ctx.getMethod())) {
            return null; // (a CORS preflight carries no token and reads nothing)
        }
        Outcome outcome = tokens.authenticate(ctx.getHeaderString(HttpHeaders.AUTHORIZATION));
        return switch (outcome) {
            case Outcome.Authenticated a -> {
                FintPrincipal p = a.principal();
                Access access = ConsumerRules.read(p, settings.orgId(), route.component());
                if (!access.allowed()) {
                    yield error(403, "Forbidden", access.reason(), rawPath);
                }
                ctx.getHeaders().putSingle(ORG_HEADER, settings.orgId());
                ctx.getHeaders().putSingle(CLIENT_HEADER, p.username());
                ctx.setSecurityContext(new TokenSecurityContext(p, ctx.getSecurityContext().isSecure()));
                yield null;
            }
            case Outcome.Missing m -> Response.fromResponse(error(401, "Unauthorized", m.reason(), rawPath))
                    .header(Challenge.HEADER, Challenge.of(REALM, outcome)).build();
            case Outcome.Invalid i -> Response.fromResponse(error(401, "Unauthorized", "the bearer token is not valid: " + i.reason(), rawPath))
                    .header(Challenge.HEADER, Challenge.of(REALM, outcome)).build();
            case Outcome.Unavailable u -> error(503, "Service Unavailable", u.reason(), rawPath);
        };
    }

    private static Response error(int status, String error, String message, String path) {
        return Response.status(status).type(MediaNegotiation.JSON)
                .entity(V1Bodies.springError(System.currentTimeMillis(), status, error, null, message, path)).build();
    }
}
