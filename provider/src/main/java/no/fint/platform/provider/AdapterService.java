package no.fint.platform.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import no.fint.platform.adapter.Capability;
import no.fint.platform.adapter.CapabilityCheck;
import no.fint.platform.adapter.Contract;
import no.fint.platform.adapter.ContractCheck;
import no.fint.platform.api.provider.model.AdapterCapability;
import no.fint.platform.api.provider.model.AdapterContract;
import no.fint.platform.api.provider.model.AdapterHeartbeat;
import no.fint.platform.api.provider.model.AdapterStatus;
import no.fint.platform.canonical.Violation;
import no.fint.platform.model.Component;
import no.fint.platform.model.InformationModel;
import no.fint.platform.records.Topics;
import no.fint.platform.service.Json;
import no.fint.platform.service.Problems;
import no.fint.platform.service.TopicAdmin;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Registration (contracts validated against the model, stored durably), heartbeats (over
 * MicroProfile Reactive Messaging) and the status listing. The organisation and adapter come from
 * the body until authentication exists; a heartbeat or registration for an adapterId registered to
 * another organisation is refused.
 */
@ApplicationScoped
public class AdapterService {

    private CapabilityCheck capabilities;
    private InformationModel model;
    private ContractStore contracts;
    private HeartbeatRegistry heartbeats;
    private Emitter<String> emitter;
    private TopicAdmin topics;
    private ProviderSettings settings;
    private Clock clock;

    /** For CDI. */
    protected AdapterService() {
    }

    @Inject
    public AdapterService(InformationModel model, ContractStore contracts, HeartbeatRegistry heartbeats,
                          @Channel("heartbeats") Emitter<String> emitter, TopicAdmin topics, ProviderSettings settings, Clock clock) {
        this.capabilities = new CapabilityCheck(model);
        this.model = model;
        this.contracts = contracts;
        this.heartbeats = heartbeats;
        this.emitter = emitter;
        this.topics = topics;
        this.settings = settings;
        this.clock = clock;
    }

    public Response register(AdapterContract in) {
        List<Violation> bad = new ArrayList<>();
        List<Capability> caps = new ArrayList<>();
        List<AdapterCapability> declared = in.getCapabilities() == null ? List.of() : new ArrayList<>(in.getCapabilities());
        for (int i = 0; i < declared.size(); i++) {
            AdapterCapability c = declared.get(i);
            if (c == null) {
                bad.add(new Violation("capabilities[" + i + "]", "null"));
                continue;
            }
            capabilities.check("capabilities[" + i + "]", c.getDomainName(), c.getPackageName(), c.getResourceName(),
                    c.getFullSyncIntervalInDays(), c.getDeltaSyncInterval() == null ? null : c.getDeltaSyncInterval().value(), bad)
                    .ifPresent(caps::add);
        }
        ContractCheck.check(in.getAdapterId(), in.getOrgId(), in.getHeartbeatIntervalInMinutes(), caps, declared.size(), bad);
        if (!bad.isEmpty()) {
            return Problems.response(400, "Invalid contract", bad.size() + " problem(s); the contract was not stored",
                    bad.stream().map(v -> Problems.entry(null, null, v.field(), v.reason())).toList());
        }
        if (!contracts.loaded()) {
            return unavailable("The provider is still loading contracts from Kafka");
        }
        Contract existing = contracts.get(in.getAdapterId());
        if (existing != null && !existing.orgId().equals(in.getOrgId())) {
            return Problems.response(409, "Adapter registered for another organisation", "adapterId " + in.getAdapterId()
                    + " is registered for " + existing.orgId() + "; an adapterId belongs to one organisation");
        }
        Contract contract = new Contract(in.getAdapterId(), in.getOrgId(), in.getUsername(),
                in.getHeartbeatIntervalInMinutes() == null ? ContractCheck.DEFAULT_HEARTBEAT_MINUTES : in.getHeartbeatIntervalInMinutes(),
                caps, clock.millis());
        try {
            // The entity topics a contract will write to exist from registration on (as FINT v2 did).
            for (Capability c : caps) {
                topics.ensureCompacted(Topics.entity(contract.orgId(), model.resourceByPath(c.resource()).orElseThrow().component()));
            }
            contracts.register(contract);
        } catch (TopicAdmin.TopicException | Unavailable e) {
            return unavailable(e.getMessage());
        }
        return JsonBodies.ok(toApi(contract));
    }

    public Response heartbeat(AdapterHeartbeat hb) {
        if (!Topics.validOrgId(hb.getOrgId())) {
            return Problems.response(400, "Invalid orgId", "'" + hb.getOrgId() + "' is not an organisation id");
        }
        if (!contracts.loaded()) {
            return unavailable("The provider is still loading contracts from Kafka");
        }
        Contract c = contracts.get(hb.getAdapterId());
        if (c == null) {
            return Problems.response(404, "Unknown adapter", "adapter " + hb.getAdapterId() + " has no registered contract (POST /provider/register first)");
        }
        if (!c.orgId().equals(hb.getOrgId())) {
            return Problems.response(403, "Organisation does not match", "organisation " + hb.getOrgId()
                    + " does not match the contract of adapter " + hb.getAdapterId() + ", registered for " + c.orgId());
        }
        try {
            topics.ensureEvents(Topics.heartbeats(), 1, TimeUnit.DAYS.toMillis(1));
            emitter.send(Json.mapper().writeValueAsString(hb)).toCompletableFuture()
                    .get(settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable(e.getMessage());
        } catch (Exception e) {
            return unavailable(String.valueOf(e.getMessage()));
        }
        heartbeats.beat(c.adapterId(), clock.millis());
        return Response.ok("\uD83D\uDC97", "text/plain;charset=UTF-8").build();
    }

    public List<AdapterStatus> adapters(String orgId) {
        return contracts.all().stream()
                .filter(c -> orgId == null || orgId.isBlank() || c.orgId().equals(orgId))
                .sorted(Comparator.comparing(Contract::orgId).thenComparing(Contract::adapterId))
                .map(c -> new AdapterStatus().adapterId(c.adapterId()).orgId(c.orgId()).contract(toApi(c))
                        .lastHeartbeat(heartbeats.lastHeartbeat(c.adapterId()))
                        .heartbeat(AdapterStatus.HeartbeatEnum.fromValue(heartbeats.liveness(c).name())))
                .toList();
    }

    private AdapterContract toApi(Contract c) {
        List<AdapterCapability> caps = new ArrayList<>();
        for (Capability cap : c.capabilities()) {
            Component component = model.resourceByPath(cap.resource()).map(r -> r.component()).orElse(null);
            caps.add(new AdapterCapability().domainName(cap.domainName()).packageName(cap.packageName())
                    .resourceName(cap.resourceName()).fullSyncIntervalInDays(cap.fullSyncIntervalInDays())
                    .deltaSyncInterval(cap.deltaSyncInterval() == null ? null : AdapterCapability.DeltaSyncIntervalEnum.fromValue(cap.deltaSyncInterval()))
                    .entityUri(cap.resource()).component(component == null ? null : component.id()));
        }
        return new AdapterContract().adapterId(c.adapterId()).orgId(c.orgId()).username(c.username())
                .heartbeatIntervalInMinutes(c.heartbeatIntervalInMinutes()).capabilities(new java.util.LinkedHashSet<>(caps))
                .time(c.registeredAt());
    }

    private Response unavailable(String detail) {
        return Response.fromResponse(Problems.response(503, "Kafka unavailable", detail))
                .header("Retry-After", String.valueOf(settings.retryAfterSeconds())).build();
    }
}
