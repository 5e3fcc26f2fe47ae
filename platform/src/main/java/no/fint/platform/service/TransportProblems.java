package no.fint.platform.service;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.DirectHandlers;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers what Helidon refuses before any routing as problem+json instead of its {@code text/plain}:
 * a request line over {@code server.protocols.http_1_1.max-prologue-length} (414), a header block
 * over {@code max-headers-size} (400), a declared length over {@code server.max-payload-size} (413,
 * which Helidon answers without a body), and whatever else it answers itself (a {@code Content-Length}
 * that is not a number, too many concurrent requests). No filter or JAX-RS mapper sees these
 * requests: Helidon answers them with its {@link DirectHandlers}, one per event type
 * ({@link DirectHandler.EventType}), and this is the one for every type, so Helidon's status and its
 * safe message stay, in RFC 9457's form.
 *
 * <p>Only for services whose own endpoints answer problem+json ({@code fint.server.transport-problems=true}:
 * the provider and the relations service). A consumer keeps Helidon's answers: what v1's Tomcat
 * answered to these, outside Spring, is not recorded.
 *
 * <p>Helidon MP 4.1.2 has no public way to set them: the direct handlers are an option of the
 * server's {@link WebServerConfig.Builder}, which has no configuration key for them, and
 * {@link ServerCdiExtension#serverRoutingBuilder()}, {@code addFeature} and the other public methods
 * reach only routing and features (a feature sees the built, immutable configuration). The builder
 * itself is behind the package-private {@code ServerCdiExtension.serverBuilder()} (Helidon issue 7939:
 * not public by design), reached here by reflection. Should a Helidon upgrade remove it, the service
 * starts with Helidon's answers and logs a warning (and the tests that check these answers fail).
 */
@ApplicationScoped
public class TransportProblems implements DirectHandler {

    private static final Logger LOG = Logger.getLogger(TransportProblems.class.getName());

    private boolean enabled;
    private Optional<Long> maxPayloadSize;

    /** For CDI. */
    protected TransportProblems() {
    }

    @Inject
    public TransportProblems(@ConfigProperty(name = "fint.server.transport-problems", defaultValue = "false") boolean enabled,
                             @ConfigProperty(name = "server.max-payload-size") Optional<Long> maxPayloadSize) {
        this.enabled = enabled;
        this.maxPayloadSize = maxPayloadSize;
    }

    /** Set on the server's builder before Helidon builds it (it starts the server at PLATFORM_AFTER + 100). */
    void register(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object event,
                  BeanManager beans) {
        if (!enabled) {
            return;
        }
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        for (EventType type : EventType.values()) {
            handlers.addHandler(type, this);
        }
        try {
            Method builder = ServerCdiExtension.class.getDeclaredMethod("serverBuilder");
            builder.setAccessible(true);
            ((WebServerConfig.Builder) builder.invoke(beans.getExtension(ServerCdiExtension.class))).directHandlers(handlers.build());
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "Helidon's own answers before routing stay text/plain: its server builder is out of reach", e);
        }
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status status, ServerResponseHeaders headers,
                                    String message) {
        headers.set(HeaderNames.CONTENT_TYPE, Problems.MEDIA_TYPE);
        byte[] body = Problems.bytes(status.code(), Problems.title(status.code()), detail(status, message), List.of());
        // Status and headers as Helidon's default handler keeps them; only the body and its type are ours.
        return TransportResponse.builder().status(status).headers(headers).entity(body).build();
    }

    /**
     * Helidon's message (it passes only messages it marks safe for the client, else "Bad request, see
     * server log ..."); its 413 has none.
     */
    private String detail(Status status, String message) {
        if (message != null && !message.isBlank()) {
            return message;
        }
        if (status.code() == 413) {
            return "The declared body is longer than this server reads at all"
                    + maxPayloadSize.map(max -> " (" + max + " bytes, server.max-payload-size)").orElse(" (server.max-payload-size)");
        }
        return status.reasonPhrase();
    }
}
