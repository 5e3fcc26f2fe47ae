package no.fint.platform.demo.check;

import com.fasterxml.jackson.databind.JsonNode;
import no.fint.platform.model.ModelClass;
import no.fint.platform.model.ResourceType;
import no.fint.platform.relations.RelationRule;
import no.fint.platform.relations.RelationRules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every resource a consumer serves, as its collections show it: each resource under every one of its
 * self links, with its relation links. Answers what a link walk asks without another request: which
 * resource an href names, and whether every maintained relation agrees with its inverse (the relations
 * service's job, seen from a client).
 */
public final class LinkIndex {

    /** One served resource: its type, its self hrefs, its relations (top level) in served order. */
    public record Resource(ResourceType type, List<String> selfs, Map<String, List<String>> links, List<String> nestedHrefs) {
        public String id() {
            return selfs.isEmpty() ? type.path() + "/?" : selfs.get(0);
        }
    }

    /** A maintained relation that does not agree with its inverse. */
    public record Mismatch(String resource, String relation, String href, String reason) {
        @Override
        public String toString() {
            return resource + " ." + relation + " -> " + href + ": " + reason;
        }
    }

    private final List<Resource> resources = new ArrayList<>();
    private final Map<String, Resource> bySelf = new HashMap<>();

    /** Adds one collection entry (a resource as served, with {@code _links}). */
    public void add(ResourceType type, JsonNode entry) {
        List<String> selfs = new ArrayList<>();
        Map<String, List<String>> links = new LinkedHashMap<>();
        JsonNode l = entry.path("_links");
        for (Iterator<Map.Entry<String, JsonNode>> it = l.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> hrefs = hrefs(e.getValue());
            if (e.getKey().equals("self")) {
                selfs.addAll(hrefs);
            } else {
                links.put(e.getKey(), hrefs);
            }
        }
        List<String> nested = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = entry.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("_links")) {
                collectNested(e.getValue(), nested);
            }
        }
        Resource r = new Resource(type, List.copyOf(selfs), links, List.copyOf(nested));
        resources.add(r);
        for (String self : selfs) {
            bySelf.put(normalise(self), r);
        }
    }

    private static List<String> hrefs(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode link : array) {
            JsonNode href = link.get("href");
            if (href != null && href.isTextual()) {
                out.add(href.asText());
            }
        }
        return out;
    }

    /** Hrefs of complex attributes' own {@code _links}, at any depth. */
    private static void collectNested(JsonNode node, List<String> out) {
        if (node.isArray()) {
            node.forEach(n -> collectNested(n, out));
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("_links")) {
                    e.getValue().forEach(arr -> out.addAll(hrefs(arr)));
                } else {
                    collectNested(e.getValue(), out);
                }
            }
        }
    }

    public List<Resource> resources() {
        return resources;
    }

    public int size() {
        return resources.size();
    }

    /** The resource an href names, or null: path matching is case-insensitive, the value exact. */
    public Resource resolve(String href) {
        return bySelf.get(normalise(href));
    }

    /** Lower case up to the last segment (the identifier value stays exact, as the consumer matches it). */
    static String normalise(String href) {
        int slash = href.lastIndexOf('/');
        return slash < 0 ? href : href.substring(0, slash).toLowerCase(Locale.ROOT) + href.substring(slash);
    }

    /** Every href of the resources of the given types (relations, nested links and self), in first-seen order. */
    public Map<String, String> hrefs(Set<String> componentPaths) {
        Map<String, String> firstReferrer = new LinkedHashMap<>();
        for (Resource r : resources) {
            if (!componentPaths.contains(r.type().component().path())) {
                continue;
            }
            r.selfs().forEach(h -> firstReferrer.putIfAbsent(h, r.id() + " .self"));
            r.links().forEach((rel, hs) -> hs.forEach(h -> firstReferrer.putIfAbsent(h, r.id() + " ." + rel)));
            r.nestedHrefs().forEach(h -> firstReferrer.putIfAbsent(h, r.id() + " (nested)"));
        }
        return firstReferrer;
    }

    /** Resources of {@code resourcePath} whose {@code relation} has no link (empty when all have one). */
    public List<String> withoutRelation(String resourcePath, String relation) {
        List<String> out = new ArrayList<>();
        for (Resource r : resources) {
            if (r.type().path().equals(resourcePath) && r.links().getOrDefault(relation, List.of()).isEmpty()) {
                out.add(r.id());
            }
        }
        return out;
    }

    /**
     * Every maintained relation against its inverse, both ways: a source's link must be answered by
     * the target's inverse link back (else "inverse missing"), and every inverse link a target shows
     * must have its source linking to it (else "inverse stale", an edge left behind by a move or a
     * delete). Links whose other end is not served are not judged here (the walk reports them), nor
     * links of a resource to itself.
     */
    public List<Mismatch> inverseMismatches(RelationRules rules) {
        // (target class, inverse relation) -> the relations on the source that feed it
        Map<String, Set<String>> feeding = new HashMap<>();
        for (RelationRule rule : rules.all()) {
            feeding.computeIfAbsent(rule.target().qualifiedName() + "#" + rule.inverse().name(), k -> new HashSet<>())
                    .add(rule.relation().name());
        }
        List<Mismatch> out = new ArrayList<>();
        for (Resource s : resources) {
            ModelClass sc = s.type().modelClass();
            for (Map.Entry<String, List<String>> e : s.links().entrySet()) {
                Set<String> inverses = new LinkedHashSet<>();
                for (RelationRule rule : rules.rules(sc, e.getKey())) {
                    inverses.add(rule.inverse().name());
                }
                if (!inverses.isEmpty()) {
                    for (String href : e.getValue()) {
                        Resource t = resolve(href);
                        // A resource linking to itself (the top organisasjonselement is its own
                        // overordnet) is not its own inverse: the relations service skips it.
                        if (t != null && t != s && !linksTo(t, inverses, s)) {
                            out.add(new Mismatch(s.id(), e.getKey(), href, "inverse missing: no " + inverses + " link back on the target"));
                        }
                    }
                }
                Set<String> sources = feeding.get(sc.qualifiedName() + "#" + e.getKey());
                if (sources != null) {
                    for (String href : e.getValue()) {
                        Resource src = resolve(href);
                        if (src != null && src != s && !linksTo(src, sources, s)) {
                            out.add(new Mismatch(s.id(), e.getKey(), href, "inverse stale: the source has no " + sources + " link here"));
                        }
                    }
                }
            }
        }
        return out;
    }

    private boolean linksTo(Resource from, Set<String> relations, Resource to) {
        for (String rel : relations) {
            for (String href : from.links().getOrDefault(rel, List.of())) {
                if (resolve(href) == to) {
                    return true;
                }
            }
        }
        return false;
    }
}
