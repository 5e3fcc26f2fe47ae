package no.fint.platform.relations;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one version of a source resource implies: the edges it feeds, all pointing back to its self
 * path {@code href}, and the links of maintained relations that could not be used (with the reason).
 *
 * @param href    the source's self path, the value of every edge; null when the source has no identifier value
 * @param edges   the edges, no duplicates
 * @param ignored links of maintained relations that name no valid target
 */
public record SourceEdges(String href, Set<Edge> edges, List<IgnoredLink> ignored) {

    /** A deleted source (or one without maintained links): no edges. */
    public static final SourceEdges NONE = new SourceEdges(null, Set.of(), List.of());

    public SourceEdges {
        edges = Set.copyOf(edges);
        ignored = List.copyOf(ignored);
    }

    /** Edge to value (the href), the form {@link EdgeDiff} compares. */
    public Map<Edge, String> asMap() {
        if (edges.isEmpty()) {
            return Map.of();
        }
        Map<Edge, String> m = new HashMap<>(edges.size() * 2);
        edges.forEach(e -> m.put(e, href));
        return Collections.unmodifiableMap(m);
    }

    /**
     * A link the service did not turn into an edge.
     *
     * @param relation the relation it was listed under
     * @param href     the href as given
     * @param reason   why, in a few words
     */
    public record IgnoredLink(String relation, String href, String reason) {
    }
}
