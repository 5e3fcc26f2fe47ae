package no.fint.platform.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import no.fint.platform.api.consumer.ComponentApi;
import no.fint.platform.cache.OrgCache;
import no.fint.platform.cache.ResourceStore;
import no.fint.platform.model.Component;
import no.fint.platform.render.ByteSink;

import java.util.List;
import java.util.Locale;

/**
 * {@code GET /{domain}/{package}}: the component's resources with the URLs of their endpoints
 * (the listing FINT's consumers answer at the component root), by resource name.
 */
@ApplicationScoped
public class ComponentEndpoint implements ComponentApi {

    private OrgCache cache;
    private ConsumerSettings settings;

    /** For CDI. */
    protected ComponentEndpoint() {
    }

    @Inject
    public ComponentEndpoint(OrgCache cache, ConsumerSettings settings) {
        this.cache = cache;
        this.settings = settings;
    }

    @Override
    public Response getComponent(String domain, String pkg) {
        List<ResourceStore> stores = cache.stores(new Component(domain, pkg.replace('/', '.')));
        if (stores.isEmpty()) {
            throw new NotFoundException(); // not ours: Helidon routes on
        }
        ByteSink out = new ByteSink(4096).write('{');
        boolean first = true;
        for (ResourceStore s : stores) {
            if (!first) {
                out.write(',');
            }
            first = false;
            String url = settings.baseUrl() + s.type().path();
            out.jsonString(s.type().name()).ascii(":{\"collectionUrl\":").jsonString(url).ascii(",\"oneUrl\":[");
            List<String> ids = s.type().modelClass().selfLinkIdentifiers();
            for (int i = 0; i < ids.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.jsonString(url + "/" + ids.get(i).toLowerCase(Locale.ROOT) + "/{id:.+}");
            }
            out.ascii("],\"cacheSizeUrl\":").jsonString(url + "/cache/size")
                    .ascii(",\"lastUpdatedUrl\":").jsonString(url + "/last-updated").write('}');
        }
        return V1Responses.json(out.write('}').toByteArray());
    }
}
