package no.fint.platform.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.logging.common.HelidonMdc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import no.fint.platform.adapter.Contract;
import no.fint.platform.adapter.ContractGuard;
import no.fint.platform.api.provider.model.EventProblem;
import no.fint.platform.api.provider.model.RequestFintEvent;
import no.fint.platform.api.provider.model.ResponseFintEvent;
import no.fint.platform.auth.Access;
import no.fint.platform.auth.FintPrincipal;
import no.fint.platform.auth.ProviderRules;
import no.fint.platform.canonical.Violation;
import no.fint.platform.canonical.check.KnownResourceCheck;
import no.fint.platform.model.Component;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ResourceType;
import no.fint.platform.service.OrgLogFormatter;
import no.fint.platform.service.Problems;
import no.fint.platform.write.AnswerCheck;
import no.fint.platform.write.Problem;
import no.fint.platform.write.WriteAnswer;
import no.fint.platform.write.WriteEvent;
import no.fint.platform.write.WriteLedger;
import no.fint.platform.write.WriteRequest;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The provider side of client writes: polls hand out leases on pending requests, answers are checked
 * and recorded, and every decision is written to the organisation's write log before anyone is told.
 * The decisions themselves are {@link WriteLedger}'s, the checks {@link AnswerCheck}'s and
 * {@link ContractGuard}'s (core); this class orders them and does the I/O.
 *
 * <p>Who calls: the adapter token's principal; what it may poll and answer is {@link ProviderRules}'
 * ({@code mayPoll}, {@code answer}); an answer's {@code adapterId} must be a contract of the token's user.
 */
@ApplicationScoped
public class EventService {

    private InformationModel model;
    private KnownResourceCheck known;
    private AnswerCheck answers;
    private ContractStore contracts;
    private WriteLedgerStore store;
    private WriteLogSource source;
    private EventSettings settings;
    private ProviderSettings provider;
    private EventMetrics metrics;
    private Clock clock;

    /** For CDI. */
    protected EventService() {
    }

    @Inject
    public EventService(InformationModel model, ContractStore contracts, WriteLedgerStore store, WriteLogSource source,
                        EventSettings settings, ProviderSettings provider, EventMetrics metrics, Clock clock) {
        this.model = model;
        this.known = new KnownResourceCheck(model);
        this.answers = new AnswerCheck(model);
        this.contracts = contracts;
        this.store = store;
        this.source = source;
        this.settings = settings;
        this.provider = provider;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Who polls: the token's principal, and optionally one of its organisations ({@code x-org-id}) and
     * one adapter contract of its user ({@code x-adapter-id}).
     */
    public record Poller(FintPrincipal principal, String orgId, String adapterId) {
    }

    /**
     * {@code GET /provider/event/{domain}[/{package}[/{resource}]]}: the pending requests within the
     * polled path of the token's organisations (or the one {@code x-org-id} names) and of the components
     * the token holds the adapter role of (and, with {@code x-adapter-id}, the capabilities of that
     * adapter's contract), at most {@code size} (0: all), each leased to the caller ({@code x-adapter-id},
     * else the token's {@code cn}). When nothing is pending it waits up to {@code waitMillis} for a
     * request to arrive (a long poll; 0 answers at once, as FINT v2 does): the checks are made once,
     * and the lease is tried again on each request the write log brings and at least once a second (a
     * lease that ran out frees a request without a new record). Polls run on virtual threads, so a
     * waiting poll holds no platform thread.
     *
     * @param pkg      null for a domain poll
     * @param resource null for a domain or component poll
     */
    public Response poll(String domain, String pkg, String resource, Integer size, Integer waitMillis, Poller caller) {
        FintPrincipal p = caller.principal();
        String org = blank(caller.orgId()) ? null : caller.orgId();
        String adapterId = blank(caller.adapterId()) ? null : caller.adapterId();
        if (org != null) {
            Access access = ProviderRules.organisation(p, org);
            if (!access.allowed()) {
                return Problems.response(access.status(), "Forbidden", access.reason());
            }
        }
        Optional<Predicate<String>> scope = scope(domain, pkg, resource);
        if (scope.isEmpty()) {
            String path = "/" + domain + (pkg == null ? "" : "/" + pkg) + (resource == null ? "" : "/" + resource);
            return Problems.response(404, "Unknown path", path + " names no domain, component or resource of FINT information model " + model.version());
        }
        if (!contracts.loaded() || !store.loaded()) {
            return unavailable("The provider is still reading contracts and write requests from Kafka");
        }
        List<String> orgs;
        Contract contract = null;
        if (adapterId != null) {
            contract = contracts.get(adapterId);
            // Another organisation's contract is reported like a missing one, naming the token's organisations.
            String contractOrg = org != null ? org : contract != null && p.hasOrg(contract.orgId()) ? contract.orgId()
                    : String.join(", ", p.orgs());
            ContractGuard.Decision decision = ContractGuard.authoriseAdapter(
                    new ContractGuard.Caller(contractOrg, adapterId, p.username()), contract);
            if (!decision.allowed()) {
                return Problems.response(403, "Not allowed by the adapter's contract", decision.reason());
            }
            orgs = List.of(contract.orgId());
        } else {
            orgs = org != null ? List.of(org) : List.copyOf(p.orgs());
        }
        String holder = adapterId != null ? adapterId : p.username();
        Predicate<String> in = scope.get();
        Contract c = contract;
        Predicate<WriteRequest> wanted = r -> in.test(r.resource())
                && model.resourceByPath(r.resource()).map(t -> ProviderRules.mayPoll(p, r.orgId(), t.component())).orElse(false)
                && (c == null || c.capability(r.resource()) != null);
        int max = size == null ? 0 : size;
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(waitMillis == null ? 0 : waitMillis);
        while (true) {
            long arrivals = store.arrivals();
            List<RequestFintEvent> leased;
            try {
                leased = lease(orgs, holder, wanted, max);
            } catch (Unavailable e) {
                return unavailable(e.getMessage());
            }
            long left = deadline - System.nanoTime();
            if (!leased.isEmpty() || left <= 0) {
                return JsonBodies.ok(leased);
            }
            store.awaitArrival(arrivals, Math.min(left, java.util.concurrent.TimeUnit.SECONDS.toNanos(1)));
        }
    }

    /** Leases up to {@code max} (0: all) pending requests to {@code holder}; throws when Kafka did not take the leases (then none is held). */
    private List<RequestFintEvent> lease(List<String> orgs, String holder, Predicate<WriteRequest> wanted, int max) throws Unavailable {
        long now = clock.millis();
        List<RequestFintEvent> out = new ArrayList<>();
        for (String o : orgs) {
            if (max > 0 && out.size() >= max) {
                break;
            }
            HelidonMdc.set(OrgLogFormatter.ORG, o);
            try {
                List<WriteLedger.Grant> grants = store.ledger().lease(o, holder, wanted, max == 0 ? 0 : max - out.size(), now, settings.lease());
                if (grants.isEmpty()) {
                    continue;
                }
                try {
                    source.write(o, grants.stream().map(WriteLedger.Grant::event).toList());
                } catch (Unavailable e) {
                    store.ledger().revert(grants);
                    throw e;
                }
                metrics.leased(grants.size());
                for (WriteLedger.Grant g : grants) {
                    out.add(toApi(g.request(), store.ledger().deadline(g.request())));
                }
            } finally {
                HelidonMdc.remove(OrgLogFormatter.ORG);
            }
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The resource paths a poll covers, or empty when the path names nothing in the model. */
    private Optional<Predicate<String>> scope(String domain, String pkg, String resource) {
        if (resource != null) {
            return known.resolve(domain, pkg, resource).map(t -> t.path()::equals);
        }
        if (pkg != null) {
            Component c;
            try {
                c = new Component(domain, pkg.replace('/', '.').replace('-', '.'));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
            if (!model.hasComponent(c)) {
                return Optional.empty();
            }
            return Optional.of(path -> model.resourceByPath(path).map(t -> t.component().equals(c)).orElse(false));
        }
        String d = domain.toLowerCase(Locale.ROOT);
        if (model.components().stream().noneMatch(c -> c.domain().equals(d))) {
            return Optional.empty();
        }
        return Optional.of(path -> path.startsWith("/" + d + "/"));
    }

    /**
     * {@code POST /provider/event}: the adapter's answer, accepted only from an adapter token of the
     * request's organisation with the component's role (a request of an organisation the token does not
     * name is unknown: 404).
     */
    public Response answer(FintPrincipal principal, ResponseFintEvent event) {
        AnswerCheck.Input in = input(event);
        List<Violation> shape = AnswerCheck.shape(in);
        if (!shape.isEmpty()) {
            return invalid(shape);
        }
        if (!contracts.loaded() || !store.loaded()) {
            return unavailable("The provider is still reading contracts and write requests from Kafka");
        }
        long now = clock.millis();
        Optional<WriteLedger.View> view = store.ledger().view(in.corrId(), now);
        if (view.isEmpty()) {
            metrics.answer("unknown");
            return Problems.response(404, "Unknown write request", "No write request with corrId " + in.corrId()
                    + " (never requested, or answered or expired more than " + settings.keep() + " after it was made)");
        }
        WriteLedger.View v = view.get();
        Access access = v.request() == null
                ? (principal.hasOrg(v.orgId()) ? Access.ALLOWED : Access.hidden("No write request with corrId " + in.corrId()))
                : ProviderRules.answer(principal, in.corrId(), v.orgId(),
                        model.resourceByPath(v.request().resource()).orElseThrow().component());
        if (!access.allowed()) {
            metrics.answer(access.status() == 404 ? "unknown" : "refused");
            return Problems.response(access.status(), access.status() == 404 ? "Unknown write request" : "Forbidden", access.reason());
        }
        if (!v.orgId().equals(in.orgId())) {
            metrics.answer("refused");
            return Problems.response(409, "Another organisation's write request", "The write request " + in.corrId()
                    + " belongs to another organisation than " + in.orgId());
        }
        if (v.request() == null) {
            return late(in.corrId(), v.answer(), v.expiredAt());
        }
        HelidonMdc.set(OrgLogFormatter.ORG, v.orgId());
        try {
            return answer(principal, in, v.request(), now);
        } finally {
            HelidonMdc.remove(OrgLogFormatter.ORG);
        }
    }

    private Response answer(FintPrincipal principal, AnswerCheck.Input in, WriteRequest request, long now) {
        // The body's adapter must be a contract of the token's user for the request's organisation.
        ContractGuard.Caller caller = new ContractGuard.Caller(in.orgId(), in.adapterId(), principal.username());
        ContractGuard.Decision decision = ContractGuard.authorise(caller, contracts.get(in.adapterId()), request.resource());
        if (!decision.allowed()) {
            metrics.answer("refused");
            return Problems.response(403, "Not allowed by the adapter's contract", decision.reason());
        }
        AnswerCheck.Result checked = answers.check(in, request, now);
        if (checked.refused()) {
            return invalid(checked.violations());
        }
        WriteLedger ledger = store.ledger();
        WriteLedger.AnswerClaim claim = ledger.claimAnswer(in.corrId(), now);
        switch (claim) {
            case WriteLedger.AnswerClaim.Unknown u -> {
                return Problems.response(404, "Unknown write request", "No write request with corrId " + in.corrId());
            }
            case WriteLedger.AnswerClaim.AlreadyAnswered a -> {
                return late(in.corrId(), a.answer(), -1);
            }
            case WriteLedger.AnswerClaim.AlreadyExpired x -> {
                return late(in.corrId(), null, x.at());
            }
            case WriteLedger.AnswerClaim.Busy b -> {
                metrics.answer("late");
                return Problems.response(409, "Write request being decided", "Another answer to " + in.corrId()
                        + ", or its expiry, is being recorded right now; the first one recorded counts");
            }
            case WriteLedger.AnswerClaim.ExpireNow x -> {
                try {
                    source.write(request.orgId(), List.of(x.event()));
                    store.applyOwn(x.event());
                    metrics.expired(1);
                } catch (Unavailable e) {
                    ledger.release(in.corrId());
                    return unavailable(e.getMessage());
                }
                return late(in.corrId(), null, x.event().at());
            }
            case WriteLedger.AnswerClaim.Claimed c -> {
                return record(checked.answer(), request);
            }
        }
    }

    /** Writes the entity record (for an accepted create, update or delete), then the answer; the claim is held meanwhile. */
    private Response record(WriteAnswer answer, WriteRequest request) {
        WriteLedger ledger = store.ledger();
        try {
            WriteAnswer recorded = answer;
            if (answer.writesEntity()) {
                ResourceType type = model.resourceByPath(request.resource()).orElseThrow();
                byte[] json = answer.resource() == null ? null : answer.resource().getBytes(StandardCharsets.UTF_8);
                RecordMetadata at = source.entity(request.orgId(), type, answer.identifier(), json, request.corrId(), answer.answeredAt());
                recorded = answer.at(at.partition(), at.offset());
            }
            WriteEvent.Answered event = new WriteEvent.Answered(recorded);
            source.write(request.orgId(), List.of(event));
            store.applyOwn(event);
        } catch (Unavailable e) {
            ledger.release(request.corrId());
            return unavailable(e.getMessage());
        }
        metrics.answer(answer.status().name().toLowerCase(Locale.ROOT));
        return Response.ok().build();
    }

    private Response late(String corrId, WriteAnswer answered, long expiredAt) {
        metrics.answer("late");
        if (answered != null) {
            return Problems.response(409, "Already answered", "The write request " + corrId + " was answered already ("
                    + answered.status() + (answered.adapterId() == null ? "" : " by " + answered.adapterId()) + "); the first answer counts");
        }
        return Problems.response(409, "Expired", "The write request " + corrId + " expired"
                + (expiredAt >= 0 ? " at " + java.time.Instant.ofEpochMilli(expiredAt) : "") + " (nobody answered before its timeToLive); "
                + "the client was told \"Event expired\"");
    }

    private Response invalid(List<Violation> violations) {
        metrics.answer("invalid");
        return Problems.response(400, "Invalid answer", violations.size() + " problem(s) with the answer; nothing was recorded",
                violations.stream().map(x -> Problems.entry(null, null, x.field(), x.reason())).toList());
    }

    private Response unavailable(String detail) {
        return Response.fromResponse(Problems.response(503, "Kafka unavailable", detail + "; nothing is promised, try again"))
                .header("Retry-After", String.valueOf(provider.retryAfterSeconds())).build();
    }

    static AnswerCheck.Input input(ResponseFintEvent e) {
        String identifier = null;
        JsonNode resource = null;
        if (e.getValue() != null) {
            identifier = e.getValue().getIdentifier();
            Object r = e.getValue().getResource();
            if (r instanceof JsonNode n) {
                resource = n.isNull() || n.isMissingNode() ? null : n;
            } else if (r != null) {
                resource = no.fint.platform.service.Json.mapper().valueToTree(r);
            }
        }
        List<Problem> problems = null;
        if (e.getProblems() != null) {
            problems = new ArrayList<>(e.getProblems().size());
            for (EventProblem p : e.getProblems()) {
                problems.add(p == null ? null : new Problem(p.getField(), p.getMessage(), p.getCode()));
            }
        }
        return new AnswerCheck.Input(e.getCorrId(), e.getOrgId(), e.getAdapterId(), e.getOperationType(), e.getHandledAt(), identifier,
                resource, e.getFailed(), e.getErrorMessage(), e.getRejected(), e.getRejectReason(), e.getConflicted(),
                e.getConflictReason(), e.getMessage(), e.getStatusCode(), problems);
    }

    static RequestFintEvent toApi(WriteRequest r, long deadline) {
        return new RequestFintEvent().corrId(r.corrId()).orgId(r.orgId()).domainName(r.domainName()).packageName(r.packageName())
                .resourceName(r.resourceName()).operationType(RequestFintEvent.OperationTypeEnum.fromValue(r.operation().name()))
                .created(r.created()).timeToLive(deadline).value(r.value()).query(r.query());
    }
}
