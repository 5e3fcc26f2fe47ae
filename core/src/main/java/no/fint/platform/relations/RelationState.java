package no.fint.platform.relations;

import no.fint.platform.model.Component;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The edges per source, and for each source the last-modified stamp of the version they come from.
 * Plain data with the two rules that matter: a version older than the one applied changes nothing
 * (the consumer keeps the newer one too), and the records to write are always the difference between
 * what is in Kafka and what the sources imply. Not thread-safe: one thread owns it.
 */
public final class RelationState {

    /**
     * A source resource.
     *
     * @param org       the organisation part of its topic ({@code fint-no})
     * @param component the component whose entity topic carries it
     * @param key       its entity record key
     */
    public record SourceId(String org, Component component, String key) {
    }

    private static final class Entry {
        long lastModified;
        Map<Edge, String> edges;

        Entry(long lastModified, Map<Edge, String> edges) {
            this.lastModified = lastModified;
            this.edges = edges;
        }
    }

    private final Map<SourceId, Entry> sources = new HashMap<>();
    private long edgeCount;

    /**
     * Applies one version of a source (a tombstone is {@link SourceEdges#NONE}) and returns the relation
     * records it needs, or null when the version is older than the one already applied.
     */
    public EdgeDiff apply(SourceId source, long lastModified, SourceEdges next) {
        Entry e = sources.get(source);
        if (e != null && lastModified < e.lastModified) {
            return null;
        }
        Map<Edge, String> after = next.asMap();
        Map<Edge, String> before = e == null ? Map.of() : e.edges;
        EdgeDiff diff = EdgeDiff.between(before, after);
        edgeCount += after.size() - before.size();
        if (e == null) {
            sources.put(source, new Entry(lastModified, after));
        } else {
            e.lastModified = lastModified;
            e.edges = after;
        }
        return diff;
    }

    /** Records an edge read back from a relation topic (start-up rebuild of what Kafka holds). */
    public void restore(SourceId source, Edge edge, String href) {
        Entry e = sources.computeIfAbsent(source, k -> new Entry(Long.MIN_VALUE, new HashMap<>()));
        if (!(e.edges instanceof HashMap)) {
            e.edges = new HashMap<>(e.edges);
        }
        if (e.edges.put(edge, href) == null) {
            edgeCount++;
        }
    }

    /** Forgets an edge whose tombstone was read back from a relation topic. */
    public void forget(SourceId source, Edge edge) {
        Entry e = sources.get(source);
        if (e == null) {
            return;
        }
        if (!(e.edges instanceof HashMap)) {
            e.edges = new HashMap<>(e.edges);
        }
        if (e.edges.remove(edge) != null) {
            edgeCount--;
        }
        if (e.edges.isEmpty() && e.lastModified == Long.MIN_VALUE) {
            sources.remove(source);
        }
    }

    /** The edges of one source (empty when unknown). */
    public Map<Edge, String> edges(SourceId source) {
        Entry e = sources.get(source);
        return e == null ? Map.of() : Map.copyOf(e.edges);
    }

    /** Number of sources known (with or without edges). */
    public int sources() {
        return sources.size();
    }

    /** Number of edges held. */
    public long edgeCount() {
        return edgeCount;
    }

    /**
     * Hands every non-empty difference between {@code written} (what the relation topics hold) and
     * {@code desired} (what the sources imply) to {@code out}, source by source. After writing them,
     * {@code desired} describes Kafka exactly.
     */
    public static void reconcile(RelationState written, RelationState desired, BiConsumer<SourceId, EdgeDiff> out) {
        Set<SourceId> all = new HashSet<>(written.sources.keySet());
        all.addAll(desired.sources.keySet());
        for (SourceId s : all) {
            Entry w = written.sources.get(s);
            Entry d = desired.sources.get(s);
            EdgeDiff diff = EdgeDiff.between(w == null ? Map.of() : w.edges, d == null ? Map.of() : d.edges);
            if (!diff.isEmpty()) {
                out.accept(s, diff);
            }
        }
    }
}
