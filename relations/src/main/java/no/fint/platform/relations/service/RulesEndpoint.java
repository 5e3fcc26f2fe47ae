package no.fint.platform.relations.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.fint.platform.api.relations.RulesApi;
import no.fint.platform.model.InformationModel;
import no.fint.platform.relations.RelationRules;

import java.util.List;

/** Publishes the rule table, so anyone can see which relations are maintained. */
@ApplicationScoped
public class RulesEndpoint implements RulesApi {

    private List<no.fint.platform.api.relations.model.RelationRule> rules;

    /** For CDI. */
    protected RulesEndpoint() {
    }

    @Inject
    public RulesEndpoint(InformationModel model) {
        rules = RelationRules.derive(model).stream()
                .map(r -> new no.fint.platform.api.relations.model.RelationRule()
                        .source(r.source().qualifiedName()).relation(r.relation().name())
                        .target(r.target().qualifiedName()).inverse(r.inverse().name()).basis(r.basis().text()))
                .toList();
    }

    @Override
    public Response getRules() {
        return Response.ok(rules, MediaType.APPLICATION_JSON).build();
    }
}
