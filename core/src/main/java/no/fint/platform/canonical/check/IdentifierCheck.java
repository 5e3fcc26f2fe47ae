package no.fint.platform.canonical.check;

import com.fasterxml.jackson.databind.JsonNode;
import no.fint.platform.model.ModelClass;
import no.fint.platform.render.PathSegments;

import java.util.ArrayList;
import java.util.List;

/**
 * Rule: a page entry's {@code identifier} equals one of the resource's identifier values. FINT v2
 * adapters send either the raw value or a self link ({@code ${utdanning.elev.elev}/systemid/123} or
 * an URL) whose last segment is the value, percent-encoded; the record key uses the value.
 */
public final class IdentifierCheck {

    /** The attribute of an Identifikator that holds the value. */
    public static final String VALUE = "identifikatorverdi";

    private IdentifierCheck() {
    }

    /** True for the forms a self link takes: a placeholder, a path or an http(s) URL. */
    public static boolean looksLikeLink(String given) {
        return given.startsWith("${") || given.startsWith("/") || given.regionMatches(true, 0, "http://", 0, 7)
                || given.regionMatches(true, 0, "https://", 0, 8);
    }

    /**
     * The identifier value an entry's {@code identifier} names: the text itself, or for a self link
     * its last segment, percent-decoded as a URL path segment ({@code %20} is a space, {@code +} a
     * plus; a segment that is not valid percent-encoded UTF-8 is taken as it is). Null when missing
     * or blank. The one resolution for every page and answer: a delete page has no resource to try
     * other readings against, so an upsert must not find one the delete cannot (QA: a resource
     * stored from {@code .../systemid/qa%20c} as "qa c" was not deleted by the same link).
     */
    public static String value(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        if (looksLikeLink(given)) {
            String last = lastSegment(given);
            return last == null || last.isBlank() ? null : decodeSegment(last);
        }
        return given;
    }

    /**
     * The identifier value of {@code resource} that {@code given} names ({@link #value}), or null
     * when it is none of the resource's identifier values.
     */
    public static String match(String given, ModelClass cls, JsonNode resource) {
        if (resource == null || !resource.isObject()) {
            return null;
        }
        return match(given, cls, id -> valueOf(resource, id));
    }

    /** The identifier values of a resource, by identifier attribute name (null when absent). */
    @FunctionalInterface
    public interface Values {
        String of(String identifierAttribute);
    }

    /** As {@link #match(String, ModelClass, JsonNode)}, with the values already read from the resource. */
    public static String match(String given, ModelClass cls, Values values) {
        String value = value(given);
        if (value == null) {
            return null;
        }
        List<String> ids = cls.identifiers();
        for (int i = 0; i < ids.size(); i++) {
            if (value.equals(values.of(ids.get(i)))) {
                return value;
            }
        }
        return null;
    }

    /** Why {@link #match} found nothing. */
    public static String reason(String given, ModelClass cls, JsonNode resource) {
        if (given == null || given.isBlank()) {
            return "missing";
        }
        List<String> present = new ArrayList<>();
        for (String id : cls.identifiers()) {
            String v = resource == null ? null : valueOf(resource, id);
            if (v != null) {
                present.add(id + "=" + v);
            }
        }
        String value = value(given);
        String named = value == null || value.equals(given) ? "" : " (the value '" + value + "')";
        return "'" + given + "'" + named + " matches none of the identifier values of " + cls.name()
                + (present.isEmpty() ? " (it has none)" : " (" + String.join(", ", present) + ")");
    }

    private static String valueOf(JsonNode resource, String idField) {
        JsonNode v = resource.get(idField);
        if (v == null || !v.isObject()) {
            return null;
        }
        JsonNode text = v.get(VALUE);
        return text != null && text.isTextual() ? text.textValue() : null;
    }

    /** {@code segment} percent-decoded as UTF-8; as it is when it holds no valid percent-encoding. */
    private static String decodeSegment(String segment) {
        if (SurrogateCheck.check(segment) != null) {
            return segment; // text UTF-8 cannot carry (refused by the caller)
        }
        // Strict: bytes that are no UTF-8 would otherwise all become U+FFFD, one key for many links.
        return PathSegments.decode(segment, true);
    }

    private static String lastSegment(String given) {
        String s = given;
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        int slash = s.lastIndexOf('/');
        return slash < 0 ? null : s.substring(slash + 1);
    }
}
