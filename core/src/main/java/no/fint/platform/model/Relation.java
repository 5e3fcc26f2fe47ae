package no.fint.platform.model;

/**
 * One relation of a model class; serialised only as a {@code _links} key.
 *
 * @param name         the {@code _links} key, exactly as in the model
 * @param target       qualified name of the target class
 * @param multiplicity lower and upper bound
 * @param inverseName  the relation on the target that points back, or null
 * @param isSource     model 4 only: whether this side owns the relation; null when unknown
 * @param deprecated   deprecated in the model
 * @param owner        qualified name of the class that declares the relation (maybe a superclass)
 */
public record Relation(String name, String target, Multiplicity multiplicity, String inverseName,
                       Boolean isSource, boolean deprecated, String owner) {
}
