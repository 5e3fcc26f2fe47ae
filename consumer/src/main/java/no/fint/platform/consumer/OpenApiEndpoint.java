package no.fint.platform.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import no.fint.platform.api.consumer.OpenapiApi;
import no.fint.platform.model.Component;
import no.fint.platform.model.InformationModel;
import no.fint.platform.openapi.ComponentOpenApi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /openapi/{domain}/{package}}: the component's typed OpenAPI document, generated from the
 * model catalogue at build time ({@link ComponentOpenApi}) and packaged under
 * {@code META-INF/fint-openapi/{model version}/{component id}.json}.
 */
@ApplicationScoped
public class OpenApiEndpoint implements OpenapiApi {

    private final Map<Component, byte[]> documents = new ConcurrentHashMap<>();
    private ConsumerSettings settings;
    private InformationModel model;

    /** For CDI. */
    protected OpenApiEndpoint() {
    }

    @Inject
    public OpenApiEndpoint(ConsumerSettings settings, InformationModel model) {
        this.settings = settings;
        this.model = model;
    }

    @Override
    public Response getComponentOpenApi(String domain, String pkg) {
        Component c = new Component(domain, pkg.replace('/', '.'));
        if (!settings.components().contains(c)) {
            throw new NotFoundException();
        }
        byte[] doc = documents.computeIfAbsent(c, this::load);
        return Response.ok(doc, "application/json;charset=UTF-8").build();
    }

    private byte[] load(Component c) {
        String path = ComponentOpenApi.resourcePath(model.version(), c);
        try (InputStream in = OpenApiEndpoint.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
