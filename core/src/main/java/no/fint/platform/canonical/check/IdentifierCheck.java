package no.fint.platform.canonical.check;

import com.fasterxml.jackson.databind.JsonNode;
import no.fint.platform.model.ModelClass;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Rule: a page entry's {@code identifier} equals one of the resource's identifier values. FINT v2
 * adapters send either the raw value or a self link ({@code ${utdanning.elev.elev}/systemid/123} or
 * an URL) whose last segment is the value; the record key uses the value.
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
     * The value an identifier names without looking at a resource (delete pages carry none): the
     * last segment of a self link, else the text itself. Null when missing or blank.
     */
    public static String value(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        if (looksLikeLink(given)) {
            String last = lastSegment(given);
            return last == null || last.isBlank() ? null : last;
        }
        return given;
    }

    /**
     * The identifier value of {@code resource} that {@code given} names, or null when it names none.
     * The raw text is tried first (an identifier value may itself contain '/'), then the last
     * segment of a link, then that segment URL-decoded.
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
        if (given == null || given.isBlank()) {
            return null;
        }
        List<String> ids = cls.identifiers();
        for (int i = 0; i < ids.size(); i++) {
            if (given.equals(values.of(ids.get(i)))) {
                return given;
            }
        }
        String last = lastSegment(given);
        if (last == null || last.isEmpty()) {
            return null;
        }
        for (int i = 0; i < ids.size(); i++) {
            if (last.equals(values.of(ids.get(i)))) {
                return last;
            }
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(last, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!decoded.equals(last)) {
            for (int i = 0; i < ids.size(); i++) {
                if (decoded.equals(values.of(ids.get(i)))) {
                    return decoded;
                }
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
        return "'" + given + "' matches none of the identifier values of " + cls.name()
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

    private static String lastSegment(String given) {
        String s = given;
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        int slash = s.lastIndexOf('/');
        return slash < 0 ? null : s.substring(slash + 1);
    }
}
