package no.fint.platform.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import no.fint.platform.service.Problems;

/**
 * Refuses a request whose declared {@code Content-Length} exceeds {@code fint.provider.max-body-bytes}
 * before its body is read (413, problem+json), and one without a length as soon as reading passes it.
 */
@Provider
@ApplicationScoped
public class BodyLimitFilter implements ContainerRequestFilter {

    private ProviderSettings settings;

    /** For CDI. */
    protected BodyLimitFilter() {
    }

    @Inject
    public BodyLimitFilter(ProviderSettings settings) {
        this.settings = settings;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > settings.maxBodyBytes()) {
            request.abortWith(Problems.response(413, "Payload Too Large", "The body has " + request.getLength()
                    + " bytes; at most " + settings.maxBodyBytes() + " are accepted (fint.provider.max-body-bytes)"));
            return;
        }
        if (request.getLength() < 0) {
            // A body without a length is counted while read, whoever reads it (our readers count as
            // well; this also covers any other reader), and refused as soon as it passes the limit. One
            // with a length ends there: the server reads no further.
            request.setEntityStream(new SyncPageReader.Limited(request.getEntityStream(), settings.maxBodyBytes()));
        }
    }
}
