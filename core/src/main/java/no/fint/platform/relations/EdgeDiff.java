package no.fint.platform.relations;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The relation records that turn one edge set into another: tombstones for edges that are gone, and
 * values for edges that are new or whose value (the source's self path) changed. An edge that stays
 * the same produces nothing, so re-applying a version (a replay, a duplicate) writes nothing.
 *
 * @param removed edges to tombstone, sorted
 * @param written edges to write with their value, sorted
 */
public record EdgeDiff(List<Edge> removed, SortedMap<Edge, String> written) {

    public static final EdgeDiff NONE = new EdgeDiff(List.of(), Collections.emptySortedMap());

    public EdgeDiff {
        removed = List.copyOf(removed);
        written = Collections.unmodifiableSortedMap(new TreeMap<>(written));
    }

    /** From {@code before} to {@code after} (edge to value; either may be empty, never null). */
    public static EdgeDiff between(Map<Edge, String> before, Map<Edge, String> after) {
        if (before.isEmpty() && after.isEmpty()) {
            return NONE;
        }
        List<Edge> removed = new ArrayList<>();
        for (Edge e : before.keySet()) {
            if (!after.containsKey(e)) {
                removed.add(e);
            }
        }
        SortedMap<Edge, String> written = new TreeMap<>();
        for (Map.Entry<Edge, String> e : after.entrySet()) {
            if (!e.getValue().equals(before.get(e.getKey()))) {
                written.put(e.getKey(), e.getValue());
            }
        }
        if (removed.isEmpty() && written.isEmpty()) {
            return NONE;
        }
        Collections.sort(removed);
        return new EdgeDiff(removed, written);
    }

    public boolean isEmpty() {
        return removed.isEmpty() && written.isEmpty();
    }

    /** Number of relation records this diff writes. */
    public int size() {
        return removed.size() + written.size();
    }
}
