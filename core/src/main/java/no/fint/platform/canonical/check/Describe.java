package no.fint.platform.canonical.check;

import com.fasterxml.jackson.databind.JsonNode;

/** Short descriptions of JSON values for error messages. */
final class Describe {

    private Describe() {
    }

    static String node(JsonNode v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            String t = v.textValue();
            return "the string \"" + (t.length() > 40 ? t.substring(0, 40) + "..." : t) + "\"";
        }
        if (v.isBoolean()) {
            return "the boolean " + v.booleanValue();
        }
        if (v.isNumber()) {
            return "the number " + v.asText();
        }
        if (v.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
