package no.fint.platform.canonical.check;

import com.fasterxml.jackson.databind.JsonNode;

/** Rule: a {@code boolean} attribute is JSON {@code true} or {@code false} (not "true", not 1). */
public final class BooleanCheck {

    public static final String TYPE = "boolean";

    private BooleanCheck() {
    }

    public static String check(JsonNode value) {
        return value.isBoolean() ? null : "expected true or false, got " + Describe.node(value);
    }
}
