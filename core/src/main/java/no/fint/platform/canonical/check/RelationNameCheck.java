package no.fint.platform.canonical.check;

import no.fint.platform.model.ModelClass;
import no.fint.platform.model.Relation;

/**
 * Rule: every key of {@code _links} is a relation of the class (superclasses included), or
 * {@code self}, which is accepted and dropped: readers derive self links from the identifiers.
 */
public final class RelationNameCheck {

    public static final String SELF = "self";

    private RelationNameCheck() {
    }

    /** True for {@code self}: accepted, never stored. */
    public static boolean isSelf(String name) {
        return SELF.equals(name);
    }

    /** The relation called {@code name}, or null when the class has none (see {@link #reason}). */
    public static Relation relation(ModelClass cls, String name) {
        return cls.relation(name).orElse(null);
    }

    public static String reason(ModelClass cls, String name) {
        if (cls.relations().isEmpty()) {
            return "unknown relation: " + cls.name() + " has no relations";
        }
        return "unknown relation for " + cls.name() + " (known: "
                + String.join(", ", cls.relations().stream().map(Relation::name).toList()) + ")";
    }
}
