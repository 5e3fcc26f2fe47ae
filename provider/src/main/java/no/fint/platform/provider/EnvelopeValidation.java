package no.fint.platform.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import no.fint.platform.api.provider.model.ProblemEntry;
import no.fint.platform.api.provider.model.SyncPage;
import no.fint.platform.api.provider.model.SyncPageMetadata;
import no.fint.platform.service.Problems;
import org.glassfish.jersey.server.spi.ValidationInterceptor;
import org.glassfish.jersey.server.spi.ValidationInterceptorContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Bean validation of sync pages checks the envelope only (metadata constraints, metadata and
 * resources present) instead of cascading into every one of the hundreds of entries of a page:
 * the entries carry no bean constraints, and the canonicaliser checks them against the information
 * model far more closely. Cascading into them cost about a tenth of the provider's CPU per
 * resource. Every other request is validated as generated.
 */
@Provider
@ApplicationScoped
public class EnvelopeValidation implements ValidationInterceptor {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @Override
    public void onValidate(ValidationInterceptorContext ctx) {
        SyncPage page = null;
        for (Object arg : ctx.getArgs()) {
            if (arg instanceof SyncPage p) {
                page = p;
            }
        }
        if (page == null) {
            ctx.proceed();
            return;
        }
        List<ProblemEntry> problems = new ArrayList<>();
        SyncPageMetadata metadata = page.getMetadata();
        if (metadata == null) {
            problems.add(Problems.entry(null, null, "metadata", "required"));
        } else {
            VALIDATOR.validate(metadata).stream()
                    .sorted(Comparator.comparing((ConstraintViolation<SyncPageMetadata> v) -> v.getPropertyPath().toString()))
                    .forEach(v -> problems.add(Problems.entry(null, null, "metadata." + v.getPropertyPath(), v.getMessage())));
        }
        if (page.getResources() == null) {
            problems.add(Problems.entry(null, null, "resources", "required"));
        }
        if (!problems.isEmpty()) {
            throw new WebApplicationException(Problems.response(400, "Invalid request",
                    problems.size() + " constraint violation(s)", problems));
        }
    }
}
