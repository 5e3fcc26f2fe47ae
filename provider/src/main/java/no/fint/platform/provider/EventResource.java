package no.fint.platform.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import no.fint.platform.api.provider.EventApi;
import no.fint.platform.api.provider.model.ResponseFintEvent;
import no.fint.platform.auth.FintPrincipal;
import no.fint.platform.service.auth.TokenSecurityContext;

/**
 * The client-write endpoints of the provider API (FINT v2 wire format): polls for pending write
 * requests and the adapters' answers. Thin: {@link EventService} decides. The caller is the token's
 * principal ({@link AdapterAuthFilter}); a poll's optional {@code x-org-id} and {@code x-adapter-id}
 * narrow it to one of the token's organisations and one of its user's contracts.
 */
@ApplicationScoped
public class EventResource implements EventApi {

    private EventService service;

    @Context
    SecurityContext security;

    /** For CDI. */
    protected EventResource() {
    }

    @Inject
    public EventResource(EventService service) {
        this.service = service;
    }

    private EventService.Poller caller(String xOrgId, String xAdapterId) {
        return new EventService.Poller(principal(), xOrgId, xAdapterId);
    }

    private FintPrincipal principal() {
        return TokenSecurityContext.principal(security);
    }

    @Override
    public Response answerEvent(ResponseFintEvent event) {
        return service.answer(principal(), event);
    }

    @Override
    public Response pollDomain(String domainName, Integer size, Integer wait, String xOrgId, String xAdapterId) {
        return service.poll(domainName, null, null, size, wait, caller(xOrgId, xAdapterId));
    }

    @Override
    public Response pollPackage(String domainName, String packageName, Integer size, Integer wait, String xOrgId, String xAdapterId) {
        return service.poll(domainName, packageName, null, size, wait, caller(xOrgId, xAdapterId));
    }

    @Override
    public Response pollResource(String domainName, String packageName, String resourceName, Integer size, Integer wait, String xOrgId,
                                 String xAdapterId) {
        return service.poll(domainName, packageName, resourceName, size, wait, caller(xOrgId, xAdapterId));
    }

    @Override
    public Response pollResourceNested(String domainName, String packageName, String subPackageName, String resourceName,
                                       Integer size, Integer wait, String xOrgId, String xAdapterId) {
        return service.poll(domainName, packageName + "." + subPackageName, resourceName, size, wait, caller(xOrgId, xAdapterId));
    }
}
