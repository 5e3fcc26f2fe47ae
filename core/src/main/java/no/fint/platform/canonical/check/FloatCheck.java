package no.fint.platform.canonical.check;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Rule: a {@code float} attribute is a JSON number within float range. FINT's Java classes hold it
 * as a {@code Float}, so v1 wrote it as {@link Float#toString(float)} writes it ({@code 1.0E7},
 * {@code 12.5}, {@code 3.0}); the canonical form does the same.
 */
public final class FloatCheck {

    public static final String TYPE = "float";

    private FloatCheck() {
    }

    /** The canonical text of {@code value}, or null when it is not a float. */
    public static String canonical(JsonNode value) {
        if (!value.isNumber()) {
            return null;
        }
        float f = value.floatValue();
        return Float.isFinite(f) ? Float.toString(f) : null;
    }

    public static String reason(JsonNode value) {
        return value.isNumber() ? "number out of range for float" : "expected a number, got " + Describe.node(value);
    }
}
