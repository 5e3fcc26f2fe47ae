package no.fint.platform.model;

/** What kind of class a model class is; only {@link #MAIN} classes have endpoints. */
public enum ClassKind {
    MAIN, ABSTRACT, COMPLEX, REFERENCE;

    static ClassKind of(String catalogueValue) {
        return valueOf(catalogueValue.toUpperCase(java.util.Locale.ROOT));
    }
}
