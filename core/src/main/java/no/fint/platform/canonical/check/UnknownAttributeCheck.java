package no.fint.platform.canonical.check;

import no.fint.platform.model.ModelClass;

/**
 * Rule: a resource holds only the attributes of its class (superclasses included) and
 * {@code _links}. Anything else is refused rather than silently dropped, so a typo or a model
 * mismatch surfaces at the adapter instead of as missing data at the client.
 */
public final class UnknownAttributeCheck {

    public static final String LINKS = "_links";

    private UnknownAttributeCheck() {
    }

    /** Why the key {@code name} is refused in an object of class {@code cls}, or null when it is known. */
    public static String check(ModelClass cls, String name) {
        if (LINKS.equals(name) || cls.attribute(name).isPresent()) {
            return null;
        }
        return "unknown attribute for " + cls.name() + " (model " + cls.qualifiedName() + ")";
    }
}
