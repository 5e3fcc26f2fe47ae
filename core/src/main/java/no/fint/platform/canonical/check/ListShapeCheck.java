package no.fint.platform.canonical.check;

import com.fasterxml.jackson.databind.JsonNode;
import no.fint.platform.model.Attribute;

/**
 * Rule: a multi-valued attribute is a JSON array without null elements; a single-valued one is not
 * an array.
 */
public final class ListShapeCheck {

    private ListShapeCheck() {
    }

    /** Why the (non-null) {@code value} has the wrong shape for {@code attribute}, or null. */
    public static String check(Attribute attribute, JsonNode value) {
        if (attribute.list()) {
            return value.isArray() ? null : "expected an array (" + attribute.name() + " is multi-valued)";
        }
        return value.isArray() ? "expected a single value, not an array" : null;
    }

    /** Why an element of a multi-valued attribute is refused, or null. */
    public static String checkElement(JsonNode element) {
        return element == null || element.isNull() ? "null is not allowed inside an array" : null;
    }
}
