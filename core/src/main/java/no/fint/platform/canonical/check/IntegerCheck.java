package no.fint.platform.canonical.check;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Rule: {@code long} and {@code int} attributes are JSON integers within the Java type's range
 * (no fractions, no strings), written back as integers.
 */
public final class IntegerCheck {

    public static final String LONG = "long";
    public static final String INT = "int";

    private IntegerCheck() {
    }

    /** Why {@code value} is not a valid {@code type} ({@value #LONG} or {@value #INT}), or null. */
    public static String check(String type, JsonNode value) {
        if (!value.isIntegralNumber()) {
            return "expected an integer, got " + Describe.node(value);
        }
        boolean fits = INT.equals(type) ? value.canConvertToInt() : value.canConvertToLong();
        return fits ? null : "integer out of range for " + type;
    }
}
