package no.fint.platform.canonical.check;

import com.fasterxml.jackson.databind.JsonNode;

/** Rule: a {@code string} attribute is a JSON string (numbers and booleans are not coerced). */
public final class StringCheck {

    public static final String TYPE = "string";

    private StringCheck() {
    }

    public static String check(JsonNode value) {
        return value.isTextual() ? null : "expected a string, got " + Describe.node(value);
    }
}
