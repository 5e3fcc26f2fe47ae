package no.fint.platform.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import no.fint.platform.api.consumer.ResourcesApi;
import no.fint.platform.cache.OrgCache;
import no.fint.platform.cache.Page;
import no.fint.platform.cache.ResourceStore;
import no.fint.platform.render.V1Bodies;
import no.fint.platform.render.V1Params;

/**
 * The v1 endpoints of every resource class. Routes and parameters arrive resolved and checked by
 * {@link RouteFilter}; this class answers from the cache.
 */
@ApplicationScoped
public class ResourcesEndpoint implements ResourcesApi {

    private OrgCache cache;
    private ConsumerSettings settings;

    /** For CDI. */
    protected ResourcesEndpoint() {
    }

    @Inject
    public ResourcesEndpoint(OrgCache cache, ConsumerSettings settings) {
        this.cache = cache;
        this.settings = settings;
    }

    @Override
    public Response getCollection(String domain, String pkg, String resource, String sinceTimeStamp, String size,
                                  String offset, String filter, String xOrgId, String xClient) {
        // $filter is accepted and ignored: v1 applied it only with the cache disabled.
        return collection(domain, pkg, resource, sinceTimeStamp, size, offset, xOrgId);
    }

    @Override
    public Response queryCollection(String domain, String pkg, String resource, String sinceTimeStamp, String size,
                                    String offset, String xOrgId, String xClient, String body) {
        // The body is v1's query, ignored with the cache on: RouteFilter dropped it (within its limit) unread.
        return collection(domain, pkg, resource, sinceTimeStamp, size, offset, xOrgId);
    }

    private Response collection(String domain, String pkg, String resource, String sinceTimeStamp, String size,
                                String offset, String xOrgId) {
        ResourceStore store = store(domain, pkg, resource);
        if (foreign(xOrgId)) {
            return V1Responses.cacheNotFound(xOrgId);
        }
        Page page;
        try {
            page = store.page(V1Params.longParam(sinceTimeStamp), V1Params.intParam(offset), V1Params.intParam(size));
        } catch (V1Params.Mismatch e) {
            throw new IllegalStateException("RouteFilter lets no unconvertible parameter through", e);
        }
        // Streamed in 64 KB chunks: a page as one array would be a humongous allocation per request.
        return V1Responses.ok((StreamingOutput) page::writeTo);
    }

    @Override
    public Response getResource(String domain, String pkg, String resource, String idField, String idValue,
                                String xOrgId, String xClient) {
        ResourceStore store = store(domain, pkg, resource);
        if (foreign(xOrgId)) {
            return V1Responses.cacheNotFound(xOrgId);
        }
        return store.one(idField, idValue)
                .map(V1Responses::ok)
                .orElseGet(() -> V1Responses.entityNotFound(idValue));
    }

    @Override
    public Response getLastUpdated(String domain, String pkg, String resource, String xOrgId, String xClient) {
        ResourceStore store = store(domain, pkg, resource);
        if (foreign(xOrgId)) {
            return V1Responses.cacheNotFound(xOrgId);
        }
        return V1Responses.ok(V1Bodies.lastUpdated(store.lastUpdated()));
    }

    @Override
    public Response getCacheSize(String domain, String pkg, String resource, String xOrgId, String xClient) {
        ResourceStore store = store(domain, pkg, resource);
        if (foreign(xOrgId)) {
            return V1Responses.cacheNotFound(xOrgId);
        }
        return V1Responses.ok(V1Bodies.cacheSize(store.size()));
    }

    /** An x-org-id naming another organisation: this process holds no cache for it. */
    private boolean foreign(String xOrgId) {
        return xOrgId != null && !xOrgId.equals(settings.orgId());
    }

    private ResourceStore store(String domain, String pkg, String resource) {
        // RouteFilter sends only served resources here, in lower case; anything else is not ours.
        ResourceStore store = cache.storeByPath("/" + domain + "/" + pkg + "/" + resource);
        if (store == null) {
            throw new NotFoundException();
        }
        return store;
    }
}
