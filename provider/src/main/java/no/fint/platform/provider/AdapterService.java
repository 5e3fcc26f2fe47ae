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
import no.fint.platform.auth.Access;
import no.fint.platform.auth.FintPrincipal;
import no.fint.platform.auth.ProviderRules;
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
 * MicroProfile Reactive Messaging) and the status listing, for the adapter of the token
 * ({@link ProviderRules}): a contract is for one of the token's organisations, registered by its
 * {@code cn}, with the token's roles for every component; heartbeats and the listing concern only the
 * caller's own contracts, and nothing tells that an adapterId exists in another organisation.
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

    public Response register(FintPrincipal caller, AdapterContract in) {
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
        List<Component> components = caps.stream().map(c -> model.resourceByPath(c.resource()).orElseThrow().component()).toList();
        Access access = ProviderRules.register(caller, in.getOrgId(), in.getUsername(), components);
        if (!access.allowed()) {
            return refused(access);
        }
        if (!contracts.loaded()) {
            return unavailable("The provider is still loading contracts from Kafka");
        }
        access = ProviderRules.reRegister(caller, contracts.get(in.getAdapterId()), in.getOrgId());
        if (!access.allowed()) {
            return refused(access);
        }
        // The token's cn is the contract's user (an adapter that leaves username out gets it filled in).
        Contract contract = new Contract(in.getAdapterId(), in.getOrgId(), caller.username(),
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

    public Response heartbeat(FintPrincipal caller, AdapterHeartbeat hb) {
        if (!Topics.validOrgId(hb.getOrgId())) {
            return Problems.response(400, "Invalid orgId", "'" + hb.getOrgId() + "' is not an organisation id");
        }
        Access access = ProviderRules.organisation(caller, hb.getOrgId());
        if (!access.allowed()) {
            return refused(access);
        }
        if (!contracts.loaded()) {
            return unavailable("The provider is still loading contracts from Kafka");
        }
        Contract c = contracts.get(hb.getAdapterId());
        access = ProviderRules.heartbeat(caller, hb.getOrgId(), hb.getAdapterId(), c);
        if (!access.allowed()) {
            return refused(access);
        }
        hb.setUsername(caller.username()); // the heartbeat record names who sent it, as the token says
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

    /** The caller's own adapters (of one of its organisations when {@code orgId} is given). */
    public Response adapters(FintPrincipal caller, String orgId) {
        Access access = ProviderRules.listing(caller, orgId);
        if (!access.allowed()) {
            return refused(access);
        }
        return JsonBodies.ok(contracts.all().stream()
                .filter(c -> ProviderRules.listed(caller, c))
                .filter(c -> orgId == null || orgId.isBlank() || c.orgId().equals(orgId))
                .sorted(Comparator.comparing(Contract::orgId).thenComparing(Contract::adapterId))
                .map(c -> new AdapterStatus().adapterId(c.adapterId()).orgId(c.orgId()).contract(toApi(c))
                        .lastHeartbeat(heartbeats.lastHeartbeat(c.adapterId()))
                        .heartbeat(AdapterStatus.HeartbeatEnum.fromValue(heartbeats.liveness(c).name())))
                .toList());
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

    private static Response refused(Access access) {
        String title = switch (access.status()) {
            case 404 -> "Unknown adapter";
            case 409 -> "Conflict";
            default -> "Forbidden";
        };
        return Problems.response(access.status(), title, access.reason());
    }

    private Response unavailable(String detail) {
        return Response.fromResponse(Problems.response(503, "Kafka unavailable", detail))
                .header("Retry-After", String.valueOf(settings.retryAfterSeconds())).build();
    }
}
