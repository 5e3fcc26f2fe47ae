package no.fint.platform.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import no.fint.platform.api.consumer.ResourcesApi;
import no.fint.platform.model.Component;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ResourceType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The v1 read endpoints (paths come from the generated interface). */
@ApplicationScoped
public class ResourcesEndpoint implements ResourcesApi {

    private static final String HAL = "application/hal+json;charset=UTF-8";

    private InformationModel model;
    private ResourceCache cache;
    private ConsumerSettings settings;

    /** For CDI. */
    protected ResourcesEndpoint() {
    }

    @Inject
    public ResourcesEndpoint(InformationModel model, ResourceCache cache, ConsumerSettings settings) {
        this.model = model;
        this.cache = cache;
        this.settings = settings;
    }

    @Override
    public Response getCollection(String domain, String pkg, String resource, String sinceTimeStamp, String size,
                                  String offset, String filter, String xOrgId, String xClient) {
        ResourceType type = type(domain, pkg, resource);
        List<byte[]> entries = cache.all(type);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("{\"_embedded\":{\"_entries\":[".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(entries.get(i));
        }
        String tail = "]},\"_links\":{\"self\":[{\"href\":\"" + settings.baseUrl() + type.path() + "/\"}]},\"total_items\":"
                + entries.size() + ",\"offset\":0,\"size\":" + entries.size() + "}";
        out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
        return Response.ok(out.toByteArray(), HAL).build();
    }

    @Override
    public Response getResource(String domain, String pkg, String resource, String idField, String idValue,
                                String xOrgId, String xClient) {
        ResourceType type = type(domain, pkg, resource);
        return cache.find(type, idField, idValue)
                .map(bytes -> Response.ok(bytes, HAL).build())
                .orElseGet(() -> Response.status(404).type("application/json;charset=UTF-8")
                        .entity(("{\"message\":\"" + idValue + "\",\"exception\":\"class no.fint.consumer.exceptions.EntityNotFoundException\"}")
                                .getBytes(StandardCharsets.UTF_8)).build());
    }

    @Override
    public Response getLastUpdated(String domain, String pkg, String resource, String xOrgId, String xClient) {
        type(domain, pkg, resource);
        return Response.ok("{\"lastUpdated\":\"0\"}", HAL).build();
    }

    @Override
    public Response getCacheSize(String domain, String pkg, String resource, String xOrgId, String xClient) {
        return Response.ok("{\"size\":" + cache.size(type(domain, pkg, resource)) + "}", HAL).build();
    }

    private ResourceType type(String domain, String pkg, String resource) {
        Component c = new Component(domain, pkg);
        if (!settings.components().contains(c)) {
            throw new NotFoundException(); // empty 404: Helidon routes on (health, metrics, openapi)
        }
        return model.resource(c, resource).orElseThrow(NotFoundException::new);
    }
}
