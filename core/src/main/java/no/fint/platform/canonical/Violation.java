package no.fint.platform.canonical;

/**
 * One thing wrong with a resource or a page entry.
 *
 * @param field  where ({@code systemId.identifikatorverdi}, {@code _links.elev[0].href}, {@code identifier})
 * @param reason what, in words an adapter developer understands
 */
public record Violation(String field, String reason) {
}
