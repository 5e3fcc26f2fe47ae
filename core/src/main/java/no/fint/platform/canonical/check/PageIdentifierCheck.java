package no.fint.platform.canonical.check;

import java.util.HashMap;
import java.util.Map;

/**
 * Rule: every entry of a page has an identifier and no identifier occurs twice in one page (two
 * versions of one resource in one page would leave which one wins to chance). One instance per page.
 */
public final class PageIdentifierCheck {

    private final Map<String, Integer> seen;

    public PageIdentifierCheck(int expectedEntries) {
        seen = new HashMap<>(Math.max(16, expectedEntries * 2));
    }

    /**
     * Records the identifier value of entry {@code index}; returns why it is refused, or null.
     *
     * @param value the identifier value (resolved from the entry), null when missing
     */
    public String check(int index, String value) {
        if (value == null || value.isBlank()) {
            return "missing";
        }
        Integer first = seen.putIfAbsent(value, index);
        return first == null ? null : "duplicate identifier '" + value + "' (also at index " + first + ")";
    }
}
