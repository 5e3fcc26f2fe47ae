package no.fint.platform.model;

/**
 * One attribute of a model class.
 *
 * @param name       the JSON key, exactly as in the model (camelCase kept)
 * @param type       a primitive type name ({@code string, boolean, date, long, int, float}) or the
 *                   qualified name of a complex class
 * @param list       multi-valued (always a JSON array)
 * @param deprecated deprecated in the model
 * @param optional   false when the model marks it required
 */
public record Attribute(String name, String type, boolean list, boolean deprecated, boolean optional) {

    public static final String IDENTIFIKATOR = "felles.kompleksedatatyper.Identifikator";

    /** True for {@code string, boolean, date, long, int, float}. */
    public boolean primitive() {
        return type.indexOf('.') < 0;
    }

    public boolean identifier() {
        return !list && IDENTIFIKATOR.equals(type);
    }
}
