package no.fint.platform.canonical.check;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Rule: {@code _links} is an object mapping relation names to arrays of link objects, and a link
 * object is exactly {@code {"href": "<string>"}} (FINT's {@code Link} has no other property).
 * A null {@code _links} or relation value counts as absent.
 */
public final class LinkShapeCheck {

    public static final String HREF = "href";

    private LinkShapeCheck() {
    }

    /** Why the (non-null) {@code _links} value is refused, or null. */
    public static String checkLinks(JsonNode links) {
        return links.isObject() ? null : "expected an object of relations, got " + Describe.node(links);
    }

    /** Why the (non-null) value of one relation is refused, or null. */
    public static String checkRelation(JsonNode value) {
        return value.isArray() ? null : "expected an array of links, got " + Describe.node(value);
    }

    /** Why one element of a relation's array is refused, or null. */
    public static String checkLink(JsonNode link) {
        if (link == null || !link.isObject()) {
            return "expected a link object {\"href\": ...}, got " + Describe.node(link);
        }
        JsonNode href = link.get(HREF);
        if (href == null || !href.isTextual()) {
            return "a link needs an href string";
        }
        if (link.size() != 1) {
            return "a link has only an href (unexpected other properties)";
        }
        return null;
    }
}
