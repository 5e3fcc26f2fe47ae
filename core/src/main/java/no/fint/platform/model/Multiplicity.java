package no.fint.platform.model;

/** Multiplicity of a relation as the FINT model writes it: lower bound, then upper bound. */
public enum Multiplicity {
    ONE_TO_ONE(true, false),
    NONE_TO_ONE(false, false),
    ONE_TO_MANY(true, true),
    NONE_TO_MANY(false, true);

    private final boolean required;
    private final boolean many;

    Multiplicity(boolean required, boolean many) {
        this.required = required;
        this.many = many;
    }

    /** At least one link must be present. */
    public boolean required() {
        return required;
    }

    /** More than one link is allowed. */
    public boolean many() {
        return many;
    }
}
