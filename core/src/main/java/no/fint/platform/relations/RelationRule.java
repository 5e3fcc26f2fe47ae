package no.fint.platform.relations;

import no.fint.platform.model.ModelClass;
import no.fint.platform.model.Relation;

/**
 * One maintained inverse relation: when a {@code source} resource links to a {@code target} through
 * {@code relation}, the target shows a link back through {@code inverse}.
 *
 * @param source   the class whose adapter supplies the link
 * @param relation the supplied relation
 * @param target   the class that receives the inverse link
 * @param inverse  the relation on the target that the platform fills in
 */
public record RelationRule(ModelClass source, Relation relation, ModelClass target, Relation inverse) {
}
