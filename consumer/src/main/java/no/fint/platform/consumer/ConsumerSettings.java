package no.fint.platform.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.fint.platform.model.Component;
import no.fint.platform.model.InformationModel;
import no.fint.platform.records.Topics;
import no.fint.platform.service.OrgLogFormatter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What this consumer process serves: one organisation, a base URL, a set of components. */
@ApplicationScoped
public class ConsumerSettings {

    /** v1's {@code fint.consumer.default-client}. */
    public static final String DEFAULT_CLIENT = "FINT";

    private String orgId;
    private String baseUrl;
    private List<Component> components;
    private java.util.Set<Component> componentSet;

    /** For CDI. */
    protected ConsumerSettings() {
    }

    @Inject
    public ConsumerSettings(@ConfigProperty(name = "fint.consumer.org-id") String orgId,
                            @ConfigProperty(name = "fint.consumer.base-url", defaultValue = "https://api.felleskomponent.no") String baseUrl,
                            @ConfigProperty(name = "fint.consumer.components") Optional<String> components,
                            InformationModel model) {
        if (!Topics.validOrgId(orgId)) {
            throw new IllegalArgumentException("fint.consumer.org-id '" + orgId + "' is not an organisation id");
        }
        this.orgId = orgId;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        // MP Config treats an empty value as absent: no list means every component.
        this.components = components.isEmpty() || components.get().isBlank() ? model.components() : Arrays.stream(components.get().split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(Component::parse).peek(c -> {
                    if (!model.hasComponent(c)) {
                        throw new IllegalArgumentException("fint.consumer.components: unknown component " + c);
                    }
                }).distinct().toList();
        this.componentSet = java.util.Set.copyOf(this.components);
        // Every log line of this process concerns this organisation.
        System.setProperty(OrgLogFormatter.PROCESS_ORG, orgId);
    }

    public String orgId() {
        return orgId;
    }

    /** Base of every link, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    public List<Component> components() {
        return components;
    }

    /** The served components as a set (for the per-request route check). */
    public java.util.Set<Component> componentSet() {
        return componentSet;
    }
}
