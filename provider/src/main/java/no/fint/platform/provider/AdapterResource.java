package no.fint.platform.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import no.fint.platform.api.provider.AdapterApi;
import no.fint.platform.api.provider.model.AdapterContract;
import no.fint.platform.api.provider.model.AdapterHeartbeat;
import no.fint.platform.records.Topics;
import no.fint.platform.service.Json;
import no.fint.platform.service.Problems;
import no.fint.platform.service.TopicAdmin;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import java.util.concurrent.TimeUnit;

/** Adapter registration and heartbeats. */
@ApplicationScoped
public class AdapterResource implements AdapterApi {

    static final String HEARTBEAT_TOPIC = "fint-core.adapter-heartbeat";

    private Emitter<String> heartbeats;
    private TopicAdmin topics;

    /** For CDI. */
    protected AdapterResource() {
    }

    @Inject
    public AdapterResource(@Channel("heartbeats") Emitter<String> heartbeats, TopicAdmin topics) {
        this.heartbeats = heartbeats;
        this.topics = topics;
    }

    @Override
    public Response register(AdapterContract contract) {
        if (!Topics.validOrgId(contract.getOrgId())) {
            return Problems.response(400, "Invalid orgId", "'" + contract.getOrgId() + "' is not an organisation id");
        }
        return Response.ok().build();
    }

    @Override
    public Response heartbeat(AdapterHeartbeat heartbeat) {
        if (!Topics.validOrgId(heartbeat.getOrgId())) {
            return Problems.response(400, "Invalid orgId", "'" + heartbeat.getOrgId() + "' is not an organisation id");
        }
        try {
            topics.ensureEvents(HEARTBEAT_TOPIC, 1, TimeUnit.DAYS.toMillis(1));
            heartbeats.send(Json.mapper().writeValueAsString(heartbeat)).toCompletableFuture().get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable(e);
        } catch (Exception e) {
            return unavailable(e);
        }
        return Response.ok("\uD83D\uDC97", "text/plain;charset=UTF-8").build();
    }

    private static Response unavailable(Exception e) {
        return Response.fromResponse(Problems.response(503, "Kafka unavailable", String.valueOf(e.getMessage())))
                .header("Retry-After", "5").build();
    }
}
