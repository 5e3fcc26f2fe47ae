package no.fint.platform.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import no.fint.platform.api.provider.SyncApi;
import no.fint.platform.api.provider.model.ProblemEntry;
import no.fint.platform.api.provider.model.SyncPage;
import no.fint.platform.api.provider.model.SyncPageEntry;
import no.fint.platform.model.Component;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ResourceType;
import no.fint.platform.records.EntityRecord;
import no.fint.platform.records.Topics;
import no.fint.platform.service.Json;
import no.fint.platform.service.Problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Full, delta and delete sync pages. Thin: resolves the resource, turns entries into entity records
 * and hands them to {@link EntitySource}.
 */
@ApplicationScoped
public class SyncResource implements SyncApi {

    private InformationModel model;
    private EntitySource source;

    /** For CDI. */
    protected SyncResource() {
    }

    @Inject
    public SyncResource(InformationModel model, EntitySource source) {
        this.model = model;
        this.source = source;
    }

    @Override
    public Response fullSync(String domainName, String packageName, String resourceName, SyncPage page) {
        return sync("FULL", domainName, packageName, resourceName, page, Response.Status.CREATED);
    }

    @Override
    public Response deltaSync(String domainName, String packageName, String resourceName, SyncPage page) {
        return sync("DELTA", domainName, packageName, resourceName, page, Response.Status.CREATED);
    }

    @Override
    public Response deleteSync(String domainName, String packageName, String resourceName, SyncPage page) {
        return sync("DELETE", domainName, packageName, resourceName, page, Response.Status.OK);
    }

    @Override
    public Response syncStatus(String corrId) {
        return Problems.response(404, "Unknown sync", "No sync with corrId " + corrId);
    }

    private Response sync(String type, String domain, String pkg, String resource, SyncPage page, Response.Status ok) {
        Optional<ResourceType> rt = model.resource(new Component(domain, pkg), resource);
        if (rt.isEmpty()) {
            return Problems.response(404, "Unknown resource", "/" + domain + "/" + pkg + "/" + resource + " is not in model " + model.version());
        }
        String orgId = page.getMetadata().getOrgId();
        if (!Topics.validOrgId(orgId)) {
            return Problems.response(400, "Invalid orgId", "metadata.orgId '" + orgId + "' is not an organisation id");
        }
        long now = System.currentTimeMillis();
        List<EntityRecord> records = new ArrayList<>(page.getResources().size());
        List<ProblemEntry> problems = new ArrayList<>();
        for (int i = 0; i < page.getResources().size(); i++) {
            SyncPageEntry e = page.getResources().get(i);
            if (e == null || e.getIdentifier() == null || e.getIdentifier().isBlank()) {
                problems.add(Problems.entry(i, null, "identifier", "missing"));
                continue;
            }
            byte[] value = null;
            if (!"DELETE".equals(type)) {
                if (e.getResource() == null) {
                    problems.add(Problems.entry(i, e.getIdentifier(), "resource", "missing"));
                    continue;
                }
                try {
                    value = Json.mapper().writeValueAsBytes(e.getResource());
                } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                    problems.add(Problems.entry(i, e.getIdentifier(), "resource", ex.getOriginalMessage()));
                    continue;
                }
            }
            records.add(new EntityRecord(orgId, rt.get().component(), rt.get().name(), e.getIdentifier(), value, now,
                    type, page.getMetadata().getCorrId()));
        }
        if (!problems.isEmpty()) {
            return Problems.response(400, "Invalid sync page", problems.size() + " invalid entries; nothing was written", problems);
        }
        try {
            source.publish(records);
        } catch (EntitySource.UnavailableException ex) {
            return Response.fromResponse(Problems.response(503, "Kafka unavailable", ex.getMessage()))
                    .header("Retry-After", "5").build();
        }
        return Response.status(ok).build();
    }
}
