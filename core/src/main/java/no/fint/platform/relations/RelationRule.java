package no.fint.platform.relations;

import no.fint.platform.model.ModelClass;
import no.fint.platform.model.Relation;

/**
 * One maintained inverse relation: when a {@code source} resource links to a {@code target} through
 * {@code relation}, the target shows a link back through {@code inverse}.
 *
 * @param source   the main class whose adapter supplies the link (the source of edges)
 * @param relation the supplied relation
 * @param target   the main class that receives the inverse link (a concrete subclass when the model's
 *                 relation points to an abstract class)
 * @param inverse  the relation on the target that the platform fills in
 * @param basis    why this side is the source of edges
 */
public record RelationRule(ModelClass source, Relation relation, ModelClass target, Relation inverse, Basis basis) {

    /** Why a relation is maintained in this direction. */
    public enum Basis {
        /** The model marks this side {@code isSource} and the other side not. */
        SOURCE_SIDE("isSource"),
        /** The model marks both sides {@code isSource} (the self-relations): each side feeds the other. */
        BOTH_SOURCES("both sides isSource"),
        /** The model does not say (model 3 has no isSource): both sides feed each other. */
        UNKNOWN("model has no isSource");

        private final String text;

        Basis(String text) {
            this.text = text;
        }

        /** Short text for the rule table. */
        public String text() {
            return text;
        }
    }
}
