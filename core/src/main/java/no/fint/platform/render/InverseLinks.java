package no.fint.platform.render;

import java.util.Arrays;

/**
 * The inverse links the platform adds to one resource (from the relations service's edges): per
 * relation name, hrefs (paths such as {@code /utdanning/elev/elevforhold/systemid/1}, or absolute
 * URLs), sorted and without duplicates. Flat arrays, built per render: an href is a region of a text
 * the cache already holds (it ends at the first U+001F or at the end), so nothing is copied.
 */
public final class InverseLinks {

    public static final InverseLinks NONE = new InverseLinks(new String[0], new String[0], 0);
    static final char END = '\u001F';

    private final String[] relations;
    private final String[] texts;
    private final int count;

    private InverseLinks(String[] relations, String[] texts, int count) {
        this.relations = relations;
        this.texts = texts;
        this.count = count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** Index of the first entry of {@code relation}, or -1; a relation's entries are consecutive. */
    public int first(String relation) {
        for (int i = 0; i < count; i++) {
            if (relations[i].equals(relation)) {
                return i;
            }
        }
        return -1;
    }

    /** End (exclusive) of the entries of the relation that starts at {@code first}. */
    public int end(int first) {
        int i = first + 1;
        while (i < count && relations[i].equals(relations[first])) {
            i++;
        }
        return i;
    }

    public String relation(int i) {
        return relations[i];
    }

    /** The href of entry {@code i}. */
    public String href(int i) {
        String t = texts[i];
        int e = t.indexOf(END);
        return e < 0 ? t : t.substring(0, e);
    }

    /** True when entry {@code i} is a path (gets the base URL in front). */
    public boolean isPath(int i) {
        return !texts[i].isEmpty() && texts[i].charAt(0) == '/';
    }

    /** Writes the href of entry {@code i}, JSON-escaped. */
    public void writeHref(int i, ByteSink out) {
        JsonText.escapeInto(texts[i], END, out);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            b.append(i > 0 ? ", " : "").append(relations[i]).append('=').append(href(i));
        }
        return b.append('}').toString();
    }

    /** Compares the hrefs held at the start of two texts (each ends at U+001F or at its end). */
    static int compareHrefs(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x == END || y == END) {
                return x == END ? (y == END ? 0 : -1) : 1;
            }
            if (x != y) {
                return x - y;
            }
        }
        boolean aEnds = a.length() == n || a.charAt(n) == END;
        boolean bEnds = b.length() == n || b.charAt(n) == END;
        return aEnds == bEnds ? 0 : aEnds ? -1 : 1;
    }

    /** Collects (relation, href) pairs in any order. */
    public static final class Builder {
        private String[] relations = new String[4];
        private String[] texts = new String[4];
        private int count;

        /** Adds an href: {@code text} up to its first U+001F (or all of it). */
        public Builder add(String relation, String text) {
            if (count == relations.length) {
                relations = Arrays.copyOf(relations, count * 2);
                texts = Arrays.copyOf(texts, count * 2);
            }
            relations[count] = relation;
            texts[count] = text;
            count++;
            return this;
        }

        private int compare(int x, int y) {
            int c = relations[x].compareTo(relations[y]);
            return c != 0 ? c : compareHrefs(texts[x], texts[y]);
        }

        public InverseLinks build() {
            if (count == 0) {
                return NONE;
            }
            if (count > 1) {
                int[] order = new int[count];
                for (int i = 0; i < count; i++) {
                    order[i] = i;
                }
                if (count <= 16) {
                    // insertion sort: a resource usually has a handful of inverse links
                    for (int i = 1; i < count; i++) {
                        int x = order[i];
                        int j = i - 1;
                        while (j >= 0 && compare(order[j], x) > 0) {
                            order[j + 1] = order[j];
                            j--;
                        }
                        order[j + 1] = x;
                    }
                } else {
                    Integer[] boxed = new Integer[count];
                    for (int i = 0; i < count; i++) {
                        boxed[i] = i;
                    }
                    Arrays.sort(boxed, this::compare);
                    for (int i = 0; i < count; i++) {
                        order[i] = boxed[i];
                    }
                }
                String[] r = new String[count];
                String[] t = new String[count];
                int n = 0;
                for (int i : order) {
                    if (n > 0 && r[n - 1].equals(relations[i]) && compareHrefs(t[n - 1], texts[i]) == 0) {
                        continue;
                    }
                    r[n] = relations[i];
                    t[n] = texts[i];
                    n++;
                }
                return new InverseLinks(r, t, n);
            }
            return new InverseLinks(relations, texts, count);
        }
    }
}
