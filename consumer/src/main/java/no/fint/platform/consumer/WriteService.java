package no.fint.platform.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import no.fint.platform.cache.OrgCache;
import no.fint.platform.cache.ResourceStore;
import no.fint.platform.records.Topics;
import no.fint.platform.render.MediaNegotiation;
import no.fint.platform.render.V1Bodies;
import no.fint.platform.write.ClientLedger;
import no.fint.platform.write.ClientWriteCheck;
import no.fint.platform.write.Operation;
import no.fint.platform.write.StatusRules;
import no.fint.platform.write.WriteAnswer;
import no.fint.platform.write.WriteRequest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The consumer side of client writes: a write is checked ({@link ClientWriteCheck}, the provider's
 * canonical rules), put on the write log ({@link WriteRequestSource}) and answered 202 with its status
 * Location; a status is v1's table ({@link StatusRules}) over what the write log says
 * ({@link WriteLogSink}) and over this consumer's cache: an accepted create, update or delete is
 * reported only once the cache has applied the entity record the provider wrote for it (its partition
 * and offset travel in the answer), so a client that follows the Location reads its own write.
 */
@ApplicationScoped
public class WriteService {

    private static final Logger LOG = Logger.getLogger(WriteService.class.getName());

    private ConsumerSettings settings;
    private WriteConfig config;
    private OrgCache cache;
    private TopicSink entities;
    private WriteLogSink log;
    private WriteRequestSource source;
    private ClientWriteCheck check;

    /** For CDI. */
    protected WriteService() {
    }

    @Inject
    public WriteService(ConsumerSettings settings, WriteConfig config, OrgCache cache, TopicSink entities, WriteLogSink log,
                        WriteRequestSource source) {
        this.settings = settings;
        this.config = config;
        this.cache = cache;
        this.entities = entities;
        this.log = log;
        this.source = source;
        this.check = new ClientWriteCheck(cache.model());
    }

    /**
     * POST (CREATE or VALIDATE), PUT (UPDATE, {@code query} = {@code idfield/value}) or DELETE. The route,
     * the method and the headers were checked by {@link RouteFilter}.
     */
    public Response write(String domain, String pkg, String resource, Operation operation, String query,
                          WriteBodyReader.ClientBody body, String xOrgId, String xClient) {
        ResourceStore store = store(domain, pkg, resource);
        String path = store.type().path();
        if (!xOrgId.equals(settings.orgId())) {
            return V1Responses.cacheNotFound(xOrgId);
        }
        String value = null;
        if (operation != Operation.DELETE) {
            if (body == null || body.problem() != null) {
                WriteBodyReader.Problem p = body == null ? new WriteBodyReader.Problem(400, "Required request body is missing") : body.problem();
                long now = System.currentTimeMillis();
                byte[] error = p.status() == 413 ? V1Bodies.tooLarge(now, config.maxBodyBytes(), path)
                        : V1Bodies.notReadable(now, p.message(), path);
                return Response.status(p.status()).type(MediaNegotiation.JSON).entity(error).build();
            }
            ClientWriteCheck.Result checked = check.check(store.type(), operation, body.tree());
            if (checked.refused()) {
                return Response.status(400).entity(ClientWriteCheck.refusal(store.type(), checked.problems())).build();
            }
            value = checked.canonical();
        }
        long now = System.currentTimeMillis();
        WriteRequest request = new WriteRequest(UUID.randomUUID().toString(), settings.orgId(), path, operation, query, value, now,
                now + config.ttl(store.type()).toMillis(), xClient);
        try {
            source.send(request);
        } catch (WriteRequestSource.Unavailable e) {
            LOG.warning("Write request not sent: " + e.getMessage());
            return Response.status(503).type(MediaNegotiation.JSON).entity(V1Bodies.springError(now, 503, "Service Unavailable", null,
                    "Kafka did not take the write request; nothing was sent", path)).build();
        }
        log.ledger().track(request);
        // v1 appended status/{corrId} to the collection URL built from the class placeholder.
        return Response.status(202).header("Location", settings.baseUrl() + path + "/status/" + request.corrId()).build();
    }

    /** {@code GET .../status/{corrId}}: v1's status table. */
    public Response status(String domain, String pkg, String resource, String corrId, String xOrgId) throws InterruptedException {
        ResourceStore store = store(domain, pkg, resource);
        ClientLedger.Tracked tracked = log.ledger().get(corrId).orElse(null);
        if (tracked == null && !log.caughtUp()) {
            // Just started: the write log is still being read, the request may be in it.
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!log.caughtUp() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            tracked = log.ledger().get(corrId).orElse(null);
            if (tracked == null && !log.caughtUp()) {
                return Response.status(503).type(MediaNegotiation.JSON).entity(V1Bodies.springError(System.currentTimeMillis(), 503,
                        "Service Unavailable", null, "The write log is still being read", store.collectionUrl())).build();
            }
        }
        if (tracked != null && !tracked.request().resource().equals(store.type().path())) {
            tracked = null; // a status under another resource's path: unknown there
        }
        StatusRules.StatusAnswer a = StatusRules.decide(tracked, xOrgId, System.currentTimeMillis(), entityApplied(tracked), config.created());
        return switch (a.kind()) {
            case EMPTY -> Response.status(a.status()).build();
            case BODY -> Response.status(a.status()).entity(a.body()).build();
            case RESOURCE -> Response.status(a.status()).entity(store.render(a.resource().getBytes(StandardCharsets.UTF_8)).body()).build();
            case RESOURCE_AT_LOCATION -> {
                ResourceStore.Rendered r = store.render(a.resource().getBytes(StandardCharsets.UTF_8));
                Response.ResponseBuilder b = Response.status(a.status()).entity(r.body());
                if (!r.selfHrefs().isEmpty()) {
                    b.header("Location", r.selfHrefs().get(0));
                }
                yield b.build();
            }
        };
    }

    /** True when the answer wrote no entity record, or this consumer's cache has applied it. */
    private boolean entityApplied(ClientLedger.Tracked t) {
        if (t == null || t.answer() == null || !t.answer().writesEntity()) {
            return true;
        }
        WriteAnswer a = t.answer();
        if (a.entityOffset() < 0) {
            return true;
        }
        var type = cache.model().resourceByPath(t.request().resource()).orElseThrow();
        return entities.applied(Topics.entity(settings.orgId(), type.component()), a.entityPartition(), a.entityOffset());
    }

    private ResourceStore store(String domain, String pkg, String resource) {
        // RouteFilter sends only served, writeable resources here, in lower case.
        ResourceStore store = cache.storeByPath("/" + domain + "/" + pkg + "/" + resource.toLowerCase(Locale.ROOT));
        if (store == null) {
            throw new NotFoundException();
        }
        return store;
    }
}
