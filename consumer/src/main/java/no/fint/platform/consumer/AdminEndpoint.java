package no.fint.platform.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import no.fint.platform.api.consumer.AdminApi;
import no.fint.platform.cache.OrgCache;
import no.fint.platform.cache.ResourceStore;
import no.fint.platform.model.Component;
import no.fint.platform.render.ByteSink;
import no.fint.platform.render.MediaNegotiation;
import no.fint.platform.render.V1Bodies;
import no.fint.platform.service.KafkaProbe;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The v1 admin endpoints of a component ({@code AdminController}), always
 * {@code application/json;charset=UTF-8}. Cache keys are v1's {@code urn:fint.no:{orgId}:{model}},
 * one per resource class of the component (v1 created every cache of the component per org), sorted.
 */
@ApplicationScoped
public class AdminEndpoint implements AdminApi {

    private static final DateTimeFormatter HEALTH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private OrgCache cache;
    private ConsumerSettings settings;
    private TopicSink sink;
    private KafkaProbe kafka;

    /** For CDI. */
    protected AdminEndpoint() {
    }

    @Inject
    public AdminEndpoint(OrgCache cache, ConsumerSettings settings, TopicSink sink, KafkaProbe kafka) {
        this.cache = cache;
        this.settings = settings;
        this.sink = sink;
        this.kafka = kafka;
    }

    @Override
    public Response getOrganisations(String domain, String pkg) {
        return keys(stores(domain, pkg));
    }

    @Override
    public Response getOrganisation(String domain, String pkg, String orgId) {
        List<ResourceStore> stores = stores(domain, pkg);
        return keys(orgId.equals(settings.orgId()) ? stores : List.of());
    }

    private Response keys(List<ResourceStore> stores) {
        ByteSink out = new ByteSink().write('[');
        for (int i = 0; i < stores.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.jsonString(key(stores.get(i)));
        }
        return V1Responses.json(out.write(']').toByteArray());
    }

    @Override
    public Response getAssets(String domain, String pkg) {
        stores(domain, pkg);
        return V1Responses.json(new ByteSink().write('[').jsonString(settings.orgId()).write(']').toByteArray());
    }

    @Override
    public Response getCaches(String domain, String pkg) {
        ByteSink out = new ByteSink().write('{');
        List<ResourceStore> stores = stores(domain, pkg);
        for (int i = 0; i < stores.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.jsonString(key(stores.get(i))).write(':').number(stores.get(i).size());
        }
        return V1Responses.json(out.write('}').toByteArray());
    }

    @Override
    public Response getCacheStatus(String domain, String pkg) {
        ByteSink out = new ByteSink().write('{').jsonString(settings.orgId()).ascii(":{");
        List<ResourceStore> stores = stores(domain, pkg);
        for (int i = 0; i < stores.size(); i++) {
            ResourceStore s = stores.get(i);
            if (i > 0) {
                out.write(',');
            }
            out.jsonString(s.modelName()).ascii(":{\"lastUpdated\":").jsonString(V1Bodies.isoDate(s.lastUpdated()))
                    .ascii(",\"size\":").number(s.size()).write('}');
        }
        return V1Responses.json(out.ascii("}}").toByteArray());
    }

    /**
     * There is no adapter event channel here: the answer comes from this platform's own state. 200
     * with a HEALTH event when the cache has caught up with Kafka, the Kafka reader runs and Kafka
     * answers; otherwise v1's 504 with "No response from adapter". Another organisation: 504.
     */
    @Override
    public Response getHealth(String domain, String pkg, String xOrgId, String xClient) {
        Component component = stores(domain, pkg).get(0).type().component();
        long now = System.currentTimeMillis();
        boolean healthy = xOrgId.equals(settings.orgId()) && sink.ready() && sink.alive() && kafka.reachable();
        ByteSink out = new ByteSink(512).write('{')
                .ascii("\"corrId\":").jsonString(UUID.randomUUID().toString())
                .ascii(",\"action\":\"HEALTH\"")
                .ascii(",\"status\":").jsonString(healthy ? "CACHE_RESPONSE" : "NEW")
                .ascii(",\"time\":").number(now)
                .ascii(",\"orgId\":").jsonString(xOrgId)
                .ascii(",\"source\":").jsonString(component.id())
                .ascii(",\"client\":").jsonString(xClient)
                .ascii(",\"data\":[{\"component\":").jsonString(component.id() + " consumer")
                .ascii(",\"status\":").jsonString(healthy ? "APPLICATION_HEALTHY" : "SENT_FROM_CONSUMER_TO_PROVIDER")
                .ascii(",\"timestamp\":").number(now)
                .ascii(",\"time\":").jsonString(HEALTH_TIME.format(Instant.ofEpochMilli(now)))
                .ascii("}]");
        if (healthy) {
            out.ascii(",\"responseStatus\":\"ACCEPTED\"}");
            return V1Responses.json(out.toByteArray());
        }
        out.ascii(",\"message\":\"No response from adapter\"}");
        return Response.status(504).type(MediaNegotiation.JSON).entity(out.toByteArray()).build();
    }

    private String key(ResourceStore s) {
        return "urn:fint.no:" + settings.orgId() + ":" + s.modelName();
    }

    private List<ResourceStore> stores(String domain, String pkg) {
        List<ResourceStore> stores = cache.stores(new Component(domain, pkg.replace('/', '.')));
        if (stores.isEmpty()) {
            throw new NotFoundException();
        }
        stores.sort(Comparator.comparing(ResourceStore::modelName));
        return stores;
    }
}
