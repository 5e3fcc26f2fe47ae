package no.fint.platform.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import no.fint.platform.adapter.ContractGuard;
import no.fint.platform.api.provider.EventApi;
import no.fint.platform.api.provider.model.ResponseFintEvent;

/**
 * The client-write endpoints of the provider API (FINT v2 wire format): polls for pending write
 * requests and the adapters' answers. Thin: {@link EventService} decides. The caller of a poll is
 * built here, in one place, from the {@code x-org-id} and {@code x-adapter-id} headers until
 * authentication supplies it from the token.
 */
@ApplicationScoped
public class EventResource implements EventApi {

    private EventService service;

    /** For CDI. */
    protected EventResource() {
    }

    @Inject
    public EventResource(EventService service) {
        this.service = service;
    }

    private static ContractGuard.Caller caller(String xOrgId, String xAdapterId) {
        return new ContractGuard.Caller(xOrgId, xAdapterId);
    }

    @Override
    public Response answerEvent(ResponseFintEvent event) {
        return service.answer(event);
    }

    @Override
    public Response pollDomain(String domainName, Integer size, String xOrgId, String xAdapterId) {
        return service.poll(domainName, null, null, size, caller(xOrgId, xAdapterId));
    }

    @Override
    public Response pollPackage(String domainName, String packageName, Integer size, String xOrgId, String xAdapterId) {
        return service.poll(domainName, packageName, null, size, caller(xOrgId, xAdapterId));
    }

    @Override
    public Response pollResource(String domainName, String packageName, String resourceName, Integer size, String xOrgId,
                                 String xAdapterId) {
        return service.poll(domainName, packageName, resourceName, size, caller(xOrgId, xAdapterId));
    }

    @Override
    public Response pollResourceNested(String domainName, String packageName, String subPackageName, String resourceName,
                                       Integer size, String xOrgId, String xAdapterId) {
        return service.poll(domainName, packageName + "." + subPackageName, resourceName, size, caller(xOrgId, xAdapterId));
    }
}
