package no.fint.platform.cache;

import no.fint.platform.render.InverseLinks;

import java.util.Arrays;

/**
 * The inverse-relation edges that name one target identifier (field and value). Kept compact, as
 * there is about one per resource: one array holding, per edge, the relation (the model's own String)
 * and one String {@code {href} U+001F {source component} U+001F {source record key}} (the renderer reads
 * the href straight out of it, up to the first separator).
 */
final class EdgeBucket {

    private static final char SEP = EdgeKey.SEPARATOR;

    /** Buckets this big also get a map from relation and source to the slot, so puts stay cheap. */
    private static final int INDEXED = 32;

    private String[] slots = new String[2];
    private int size;
    private java.util.HashMap<String, Integer> index;

    /** Adds or replaces the edge of {@code source} through {@code relation}; true when the bucket changed. */
    synchronized boolean put(String relation, String source, String href) {
        int i = find(relation, source);
        String entry = href + SEP + source;
        if (i >= 0) {
            if (slots[i + 1].equals(entry)) {
                return false;
            }
            slots[i + 1] = entry;
            return true;
        }
        if (size + 2 > slots.length) {
            slots = Arrays.copyOf(slots, Math.max(4, slots.length * 2));
        }
        slots[size] = relation;
        slots[size + 1] = entry;
        if (index != null) {
            index.put(relation + SEP + source, size);
        } else if (size / 2 + 1 > INDEXED) {
            index = new java.util.HashMap<>();
            for (int k = 0; k <= size; k += 2) {
                index.put(slots[k] + SEP + source(slots[k + 1]), k);
            }
        }
        size += 2;
        return true;
    }

    private static String source(String entry) {
        return entry.substring(entry.indexOf(SEP) + 1);
    }

    /** Removes the edge of {@code source} through {@code relation}; true when it was there. */
    synchronized boolean remove(String relation, String source) {
        int i = find(relation, source);
        if (i < 0) {
            return false;
        }
        size -= 2;
        if (index != null) {
            index.remove(relation + SEP + source);
            if (i != size) {
                index.put(slots[size] + SEP + source(slots[size + 1]), i);
            }
        }
        slots[i] = slots[size];
        slots[i + 1] = slots[size + 1];
        slots[size] = null;
        slots[size + 1] = null;
        if (size == 0) {
            slots = new String[2];
            index = null;
        }
        return true;
    }

    private int find(String relation, String source) {
        if (index != null) {
            Integer i = index.get(relation + SEP + source);
            return i == null ? -1 : i;
        }
        for (int i = 0; i < size; i += 2) {
            String e = slots[i + 1];
            // hrefs hold no separator (OrgCache rejects them), so the source starts after the first one
            if (slots[i].equals(relation) && e.endsWith(source) && e.indexOf(SEP) == e.length() - source.length() - 1) {
                return i;
            }
        }
        return -1;
    }

    synchronized void collect(InverseLinks.Builder into) {
        for (int i = 0; i < size; i += 2) {
            into.add(slots[i], slots[i + 1]);
        }
    }

    synchronized int size() {
        return size / 2;
    }
}
