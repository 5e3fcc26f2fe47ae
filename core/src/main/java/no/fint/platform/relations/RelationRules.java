package no.fint.platform.relations;

import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ModelClass;
import no.fint.platform.model.Relation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inverse-relation rules of a model: which supplied relations feed which inverse relations.
 *
 * <p>A relation is maintained when it has an {@code inverseName}, that relation exists on the target
 * (on every concrete main class of the target, when the model points to an abstract class), and this
 * side is a source of edges. The source of edges is the side the adapter owns: the model's
 * {@code isSource}. Where the model marks both sides (the self-relations such as
 * Organisasjonselement overordnet/underordnet) or neither (model 3 has no {@code isSource}), each side
 * feeds the other; edges are only ever derived from adapter data, never from other edges, so this
 * cannot loop.
 */
public final class RelationRules {

    private final List<RelationRule> rules;
    private final Map<String, Map<String, List<RelationRule>>> bySourceClass;

    private RelationRules(List<RelationRule> rules) {
        this.rules = List.copyOf(rules);
        Map<String, Map<String, List<RelationRule>>> index = new HashMap<>();
        for (RelationRule r : rules) {
            index.computeIfAbsent(r.source().qualifiedName(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.relation().name(), k -> new ArrayList<>()).add(r);
        }
        index.replaceAll((k, byRelation) -> {
            byRelation.replaceAll((name, list) -> List.copyOf(list));
            return Collections.unmodifiableMap(byRelation);
        });
        this.bySourceClass = Collections.unmodifiableMap(index);
    }

    /** The rules of a model, indexed for lookup by source class. */
    public static RelationRules of(InformationModel model) {
        return new RelationRules(derive(model));
    }

    /** Every maintained rule, in model class order, then relation order, then target order. */
    public static List<RelationRule> derive(InformationModel model) {
        List<RelationRule> rules = new ArrayList<>();
        for (ModelClass source : model.classes()) {
            if (!source.isMain()) {
                continue;
            }
            for (Relation r : source.relations()) {
                if (r.inverseName() == null || Boolean.FALSE.equals(r.isSource())) {
                    continue;
                }
                for (ModelClass target : concreteTargets(model, r.target())) {
                    Optional<Relation> inverse = target.relation(r.inverseName());
                    if (inverse.isEmpty()) {
                        continue;
                    }
                    rules.add(new RelationRule(source, r, target, inverse.get(), basis(r, inverse.get())));
                }
            }
        }
        return List.copyOf(rules);
    }

    /**
     * Relations with an {@code inverseName} that no rule can maintain because the inverse is missing on
     * the target (model 3 has five; model 4 none).
     */
    public static List<Relation> unmatched(InformationModel model) {
        List<Relation> out = new ArrayList<>();
        for (ModelClass source : model.classes()) {
            if (!source.isMain()) {
                continue;
            }
            for (Relation r : source.relations()) {
                if (r.inverseName() == null) {
                    continue;
                }
                boolean any = concreteTargets(model, r.target()).stream().anyMatch(t -> t.relation(r.inverseName()).isPresent());
                if (!any) {
                    out.add(r);
                }
            }
        }
        return List.copyOf(out);
    }

    /** The target itself when it is a main class, else its main subclasses. */
    static List<ModelClass> concreteTargets(InformationModel model, String target) {
        Optional<ModelClass> t = model.modelClass(target);
        if (t.isEmpty()) {
            return List.of();
        }
        if (t.get().isMain()) {
            return List.of(t.get());
        }
        return model.classes().stream().filter(c -> c.isMain() && c.isA(target)).toList();
    }

    private static RelationRule.Basis basis(Relation r, Relation inverse) {
        if (r.isSource() == null) {
            return RelationRule.Basis.UNKNOWN;
        }
        return Boolean.TRUE.equals(inverse.isSource()) ? RelationRule.Basis.BOTH_SOURCES : RelationRule.Basis.SOURCE_SIDE;
    }

    public List<RelationRule> all() {
        return rules;
    }

    /** True when resources of this class can be the source of edges. */
    public boolean hasRules(ModelClass source) {
        return bySourceClass.containsKey(source.qualifiedName());
    }

    /** The rules fed by one relation of a source class (several only for abstract model targets). */
    public List<RelationRule> rules(ModelClass source, String relation) {
        Map<String, List<RelationRule>> byRelation = bySourceClass.get(source.qualifiedName());
        return byRelation == null ? List.of() : byRelation.getOrDefault(relation, List.of());
    }

    /** Relation name to rules, for one source class, in model relation order. */
    public Map<String, List<RelationRule>> rules(ModelClass source) {
        return bySourceClass.getOrDefault(source.qualifiedName(), Map.of());
    }
}
