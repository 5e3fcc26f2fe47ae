package no.fint.platform.canonical.check;

import com.fasterxml.jackson.databind.JsonNode;
import no.fint.platform.model.Attribute;

/**
 * Rule: attributes the model marks required ({@code @NotNull}/{@code @NotBlank}/{@code @NotEmpty}
 * in FINT's Java classes) are present and not null; a required list is not empty. An explicit
 * {@code null} counts as absent, as FINT v2 adapters send every unset attribute as null.
 */
public final class RequiredAttributeCheck {

    private RequiredAttributeCheck() {
    }

    /** True when {@code value} counts as absent (missing or JSON null). */
    public static boolean absent(JsonNode value) {
        return value == null || value.isNull();
    }

    /** Why {@code value} fails the rule for {@code attribute}, or null when it passes. */
    public static String check(Attribute attribute, JsonNode value) {
        if (attribute.optional()) {
            return null;
        }
        if (absent(value)) {
            return "required";
        }
        if (attribute.list() && value.isArray() && value.isEmpty()) {
            return "required: must hold at least one value";
        }
        return null;
    }
}
