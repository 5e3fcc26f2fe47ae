package no.fint.platform.relations;

import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ModelClass;
import no.fint.platform.model.Relation;

import java.util.ArrayList;
import java.util.List;

/** Derives the inverse-relation rules from the model: one per relation with an inverse that exists. */
public final class RelationRules {

    private RelationRules() {
    }

    /**
     * Every (main class, relation) whose {@code inverseName} names a relation on the target class.
     * Relations declared on abstract bases count for each main subclass.
     */
    public static List<RelationRule> derive(InformationModel model) {
        List<RelationRule> rules = new ArrayList<>();
        for (ModelClass source : model.classes()) {
            if (!source.isMain()) {
                continue;
            }
            for (Relation r : source.relations()) {
                if (r.inverseName() == null) {
                    continue;
                }
                model.modelClass(r.target())
                        .filter(ModelClass::isMain)
                        .flatMap(t -> t.relation(r.inverseName()).map(inv -> new RelationRule(source, r, t, inv)))
                        .ifPresent(rules::add);
            }
        }
        return List.copyOf(rules);
    }
}
