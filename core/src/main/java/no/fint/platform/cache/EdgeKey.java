package no.fint.platform.cache;

/**
 * The key of an inverse-relation edge on a relation topic (docs/architecture.md, "Inverse relations"):
 * {@code {target path} U+001F {inverse relation} U+001F {source component} U+001F {source record key}};
 * the source record key itself contains a U+001F.
 *
 * @param targetPath {@code /{domain}/{package}/{resource}/{idfield}/{value}}
 * @param relation   the relation on the target that shows the link
 * @param source     the resource that supplied the link: {@code {source component} U+001F {source record key}},
 *                   kept as one substring of the key (the cache stores it so, and a rebuild parses
 *                   about a million and a half of these)
 */
public record EdgeKey(String targetPath, String relation, String source) {

    public static final char SEPARATOR = '\u001F';

    /** Parses an edge key; null when it does not have the four parts. */
    public static EdgeKey parse(String key) {
        if (key == null) {
            return null;
        }
        int a = key.indexOf(SEPARATOR);
        int b = a < 0 ? -1 : key.indexOf(SEPARATOR, a + 1);
        int c = b < 0 ? -1 : key.indexOf(SEPARATOR, b + 1);
        if (c < 0 || a == 0 || b == a + 1 || c == b + 1 || c == key.length() - 1) {
            return null;
        }
        return new EdgeKey(key.substring(0, a), key.substring(a + 1, b), key.substring(b + 1));
    }
}
