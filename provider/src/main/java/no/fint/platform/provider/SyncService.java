package no.fint.platform.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.logging.common.HelidonMdc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import no.fint.platform.adapter.ContractGuard;
import no.fint.platform.api.provider.model.ProblemEntry;
import no.fint.platform.api.provider.model.SyncPage;
import no.fint.platform.api.provider.model.SyncPageEntry;
import no.fint.platform.api.provider.model.SyncPageMetadata;
import no.fint.platform.auth.Access;
import no.fint.platform.auth.FintPrincipal;
import no.fint.platform.auth.ProviderRules;
import no.fint.platform.canonical.Canonicalizer;
import no.fint.platform.canonical.PageCanonicalizer;
import no.fint.platform.canonical.RawJson;
import no.fint.platform.canonical.Violation;
import no.fint.platform.canonical.check.KnownResourceCheck;
import no.fint.platform.canonical.check.PageMetadataCheck;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ResourceType;
import no.fint.platform.service.OrgLogFormatter;
import no.fint.platform.service.Problems;
import no.fint.platform.sync.Admission;
import no.fint.platform.sync.PageMeta;
import no.fint.platform.sync.SyncSessions;
import no.fint.platform.sync.SyncType;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One sync page, from the door to Kafka, in this order: the resource exists (404), the metadata is
 * sound (400), the token holds the component's role and the page's organisation (403,
 * {@link ProviderRules#sync}), the adapter's contract allows it (403), every entry is valid (400, all listed), the
 * sync's session accepts the page (400/409, or a replay answered without writing), then every
 * record is written and acknowledged (else 503) and the page recorded in the session; a completed
 * full sync hands over to {@link StaleDeletion}. Nothing of a refused page is written.
 */
@ApplicationScoped
public class SyncService {

    /** Largest canonical resource accepted: below the 4 MiB Kafka record limit, with room for key and headers. */
    static final int MAX_RESOURCE_BYTES = 4 * 1024 * 1024 - 64 * 1024;

    private KnownResourceCheck known;
    private PageCanonicalizer pages;
    private ContractStore contracts;
    private SessionStore sessions;
    private EntitySource entities;
    private SessionSource sessionSource;
    private StaleDeletion deletion;
    private ProviderMetrics metrics;
    private ProviderSettings settings;
    private Clock clock;

    /** For CDI. */
    protected SyncService() {
    }

    @Inject
    public SyncService(InformationModel model, ContractStore contracts, SessionStore sessions, EntitySource entities,
                       SessionSource sessionSource, StaleDeletion deletion, ProviderMetrics metrics, ProviderSettings settings,
                       Clock clock) {
        this.known = new KnownResourceCheck(model);
        this.pages = new PageCanonicalizer(new Canonicalizer(model));
        this.contracts = contracts;
        this.sessions = sessions;
        this.entities = entities;
        this.sessionSource = sessionSource;
        this.deletion = deletion;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
    }

    public Response page(FintPrincipal caller, SyncType type, String domain, String pkg, String resource, SyncPage page) {
        Optional<ResourceType> rt = known.resolve(domain, pkg, resource);
        if (rt.isEmpty()) {
            return Problems.response(404, "Unknown resource", known.reason(domain, pkg, resource));
        }
        SyncPageMetadata m = page.getMetadata();
        List<SyncPageEntry> entries = page.getResources();
        PageMeta meta = new PageMeta(m.getCorrId(), m.getOrgId(), m.getAdapterId(), rt.get().path(), type, m.getTotalSize(),
                m.getPage(), m.getPageSize(), m.getTotalPages(), entries.size()).withDefaults();
        List<Violation> bad = PageMetadataCheck.check(meta);
        if (!bad.isEmpty()) {
            return refused(type, 400, "Invalid page metadata", bad.size() + " problem(s) with the page's metadata; nothing was written",
                    bad.stream().map(v -> Problems.entry(null, null, v.field(), v.reason())).toList());
        }
        Access access = ProviderRules.sync(caller, meta.orgId(), rt.get().component());
        if (!access.allowed()) {
            return refused(type, 403, "Forbidden", access.reason(), List.of());
        }
        HelidonMdc.set(OrgLogFormatter.ORG, meta.orgId());
        try {
            return admitted(caller, type, rt.get(), meta, entries);
        } finally {
            HelidonMdc.remove(OrgLogFormatter.ORG);
        }
    }

    private Response admitted(FintPrincipal caller, SyncType type, ResourceType rt, PageMeta meta, List<SyncPageEntry> entries) {
        if (!contracts.loaded() || !sessions.loaded()) {
            return unavailable(type, "The provider is still loading contracts and sync sessions from Kafka");
        }
        // The organisation is the page's (checked to be one of the token's), the user the token's cn.
        ContractGuard.Caller who = new ContractGuard.Caller(meta.orgId(), meta.adapterId(), caller.username());
        ContractGuard.Decision decision = ContractGuard.authorise(who, contracts.get(meta.adapterId()), rt.path());
        if (!decision.allowed()) {
            return refused(type, 403, "Not allowed by the adapter's contract", decision.reason(), List.of());
        }

        List<PageCanonicalizer.Entry> in = new ArrayList<>(entries.size());
        for (SyncPageEntry e : entries) {
            Object r = e == null ? null : e.getResource();
            in.add(new PageCanonicalizer.Entry(e == null ? null : e.getIdentifier(), r instanceof JsonNode n ? n : null,
                    r instanceof RawJson raw ? raw : null));
        }
        PageCanonicalizer.PageResult result = pages.canonicalize(rt, type, in);
        List<ProblemEntry> problems = new ArrayList<>();
        result.violations().forEach(v -> problems.add(Problems.entry(v.index(), v.identifier(), v.field(), v.reason())));
        int count = result.violationCount();
        for (int i = 0; i < result.entries().size(); i++) {
            byte[] json = result.entries().get(i).json();
            if (json != null && json.length > MAX_RESOURCE_BYTES) {
                count++;
                problems.add(Problems.entry(i, result.entries().get(i).identifier(), "resource",
                        "the canonical resource has " + json.length + " bytes; at most " + MAX_RESOURCE_BYTES + " fit in a Kafka record"));
            }
        }
        if (count > 0) {
            return refused(type, 400, "Invalid sync page", count + " problem(s) in the page's entries"
                    + (count > problems.size() ? " (the first " + problems.size() + " listed)" : "") + "; nothing was written", problems);
        }

        long now = clock.millis();
        SyncSessions registry = sessions.sessions();
        Admission admission = registry.admit(meta, result.hash(), now);
        if (admission instanceof Admission.Refused r) {
            return refused(type, r.status(), r.status() == 409 ? "Conflict with the sync's state" : "Inconsistent with the sync's earlier pages",
                    r.reason(), List.of(Problems.entry(null, null, r.field(), r.reason())));
        }
        if (admission instanceof Admission.Replayed) {
            metrics.page(type, "replayed");
            return success(type, meta.corrId());
        }
        Admission.Accepted accepted = (Admission.Accepted) admission;
        List<EntitySource.Entity> records = new ArrayList<>(result.entries().size());
        for (PageCanonicalizer.CanonicalEntry e : result.entries()) {
            records.add(new EntitySource.Entity(e.identifier(), e.json()));
        }
        try {
            entities.publish(meta.orgId(), rt, type, meta.corrId(), now, records);
        } catch (Unavailable e) {
            registry.aborted(meta.corrId(), meta.page());
            return unavailable(type, e.getMessage());
        }
        metrics.written(type, records.size());
        SyncSessions.Written written = registry.written(meta.corrId(), meta.page(), records.size(), result.hash(), clock.millis());
        List<no.fint.platform.sync.SyncSession.Snapshot> headers = new ArrayList<>(accepted.superseded());
        headers.add(written.session());
        try {
            sessionSource.persist(headers, List.of(written.page()), meta.corrId());
        } catch (Unavailable e) {
            // The records are durable; the session record is not yet. Retried by the sweeper; the
            // adapter may resend the page, which is then a replay.
            sessions.markDirty(meta.corrId());
            accepted.superseded().forEach(s -> sessions.markDirty(s.corrId()));
            return unavailable(type, e.getMessage());
        }
        if (written.completed()) {
            deletion.schedule(meta.corrId());
        }
        metrics.page(type, "written");
        return success(type, meta.corrId());
    }

    private Response success(SyncType type, String corrId) {
        return Response.status(type == SyncType.DELETE ? 200 : 201)
                .location(URI.create("/provider/sync/" + URLEncoder.encode(corrId, StandardCharsets.UTF_8).replace("+", "%20")))
                .build();
    }

    private Response refused(SyncType type, int status, String title, String detail, List<ProblemEntry> entries) {
        metrics.page(type, "refused");
        return Problems.response(status, title, detail, entries);
    }

    private Response unavailable(SyncType type, String detail) {
        metrics.page(type, "unavailable");
        return Response.fromResponse(Problems.response(503, "Kafka unavailable", detail + "; nothing is promised, send the page again"))
                .header("Retry-After", String.valueOf(settings.retryAfterSeconds())).build();
    }
}
