package no.fint.platform.canonical.check;

import no.fint.platform.model.Component;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ResourceType;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rule: a sync names a resource the information model serves ({@code /utdanning/elev/elev},
 * {@code /felles/kodeverk/iso/kjonn}, {@code /utdanning/elev/person}).
 */
public final class KnownResourceCheck {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9]+");

    private final InformationModel model;

    public KnownResourceCheck(InformationModel model) {
        this.model = model;
    }

    /**
     * The resource type, or empty when the model has none by that path.
     *
     * @param pkg the package, nested packages joined by '.', '/' or '-' ({@code kodeverk.iso})
     */
    public Optional<ResourceType> resolve(String domain, String pkg, String resource) {
        if (domain == null || pkg == null || resource == null || !SEGMENT.matcher(domain).matches()
                || !SEGMENT.matcher(resource).matches()) {
            return Optional.empty();
        }
        String p = pkg.replace('/', '.').replace('-', '.');
        for (String part : p.split("\\.", -1)) {
            if (!SEGMENT.matcher(part).matches()) {
                return Optional.empty();
            }
        }
        return model.resource(new Component(domain, p), resource);
    }

    /** Why {@link #resolve} found nothing. */
    public String reason(String domain, String pkg, String resource) {
        String path = "/" + domain + "/" + (pkg == null ? "" : pkg.replace('.', '/')) + "/" + resource;
        return path + " is not a resource of FINT information model " + model.version();
    }
}
