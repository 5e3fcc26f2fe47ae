package no.fint.platform.render;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The inverse links the platform adds to one resource (from the relations service's edges): per
 * relation name, the hrefs (paths such as {@code /utdanning/elev/elevforhold/systemid/1}, or absolute
 * URLs), sorted and without duplicates.
 */
public final class InverseLinks {

    public static final InverseLinks NONE = new InverseLinks(Map.of());

    private final Map<String, List<String>> byRelation;

    private InverseLinks(Map<String, List<String>> byRelation) {
        this.byRelation = byRelation;
    }

    public boolean isEmpty() {
        return byRelation.isEmpty();
    }

    /** The sorted hrefs of {@code relation}, or null. */
    public List<String> hrefs(String relation) {
        return byRelation.get(relation);
    }

    /** Relation names that have inverse links. */
    public Iterable<String> relations() {
        return byRelation.keySet();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return byRelation.toString();
    }

    /** Collects (relation, href) pairs in any order. */
    public static final class Builder {
        private final Map<String, TreeSet<String>> map = new LinkedHashMap<>();

        public Builder add(String relation, String href) {
            map.computeIfAbsent(relation, k -> new TreeSet<>()).add(href);
            return this;
        }

        public InverseLinks build() {
            if (map.isEmpty()) {
                return NONE;
            }
            Map<String, List<String>> m = new LinkedHashMap<>();
            map.forEach((k, v) -> m.put(k, Collections.unmodifiableList(new ArrayList<>(v))));
            return new InverseLinks(Collections.unmodifiableMap(m));
        }
    }
}
