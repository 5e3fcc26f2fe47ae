package no.fint.platform.relations;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ModelClass;
import no.fint.platform.model.ResourceType;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The edges one version of a source resource implies (a pure function of the model, the rules and the
 * resource JSON).
 *
 * <p>Reads the canonical resource JSON (see docs/architecture.md) but is lenient where that costs
 * nothing, so records written before the provider canonicalised still work: a link may be a path
 * ({@code /utdanning/elev/elev/systemid/1}), a placeholder ({@code ${utdanning.elev.elev}/systemid/1}),
 * a relative {@code systemid/1}, or an absolute URL whose path ends in such a path. The target path of
 * an edge keeps the identifier the link used (its field name lower-cased): the consumer resolves it
 * through its identifier index.
 */
public final class EdgeDerivation {

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build();
    private static final String LINKS = "_links";
    private static final String VALUE = "identifikatorverdi";

    private final InformationModel model;
    private final RelationRules rules;
    /** ResourceType.path() builds its string on each call; derivation asks for it per link. */
    private final Map<ResourceType, String> paths = new java.util.concurrent.ConcurrentHashMap<>();

    public EdgeDerivation(InformationModel model, RelationRules rules) {
        this.model = model;
        this.rules = rules;
    }

    public InformationModel model() {
        return model;
    }

    public RelationRules rules() {
        return rules;
    }

    /** True when resources of this type can feed edges (skip the others without reading them). */
    public boolean feedsEdges(ResourceType source) {
        return rules.hasRules(source.modelClass());
    }

    /**
     * The edges of one version of a source resource.
     *
     * @param source     the resource type (component and class) of the source record
     * @param sourceKey  the source's entity record key ({@code resource U+001F identifier})
     * @param identifier the identifier part of that key
     * @param json       the resource JSON; null for a delete (no edges)
     * @throws UnreadableResourceException when the value is not one readable JSON object
     */
    public SourceEdges derive(ResourceType source, String sourceKey, String identifier, byte[] json)
            throws UnreadableResourceException {
        if (json == null) {
            return SourceEdges.NONE;
        }
        Map<String, List<RelationRule>> maintained = rules.rules(source.modelClass());
        Parsed parsed = parse(source.modelClass(), maintained, json);
        if (maintained.isEmpty() || parsed.links.isEmpty()) {
            return SourceEdges.NONE;
        }
        List<SourceEdges.IgnoredLink> ignored = new ArrayList<>();
        String sourcePath = path(source);
        String href = selfPath(sourcePath, source.modelClass(), identifier, parsed.identifiers);
        if (href == null) {
            parsed.links.forEach((relation, hrefs) -> hrefs.forEach(h ->
                    ignored.add(new SourceEdges.IgnoredLink(relation, h, "the source has no identifier value"))));
            return new SourceEdges(null, Set.of(), ignored);
        }
        Set<Edge> edges = new HashSet<>();
        for (Map.Entry<String, List<String>> link : parsed.links.entrySet()) {
            List<RelationRule> relationRules = maintained.get(link.getKey());
            for (String h : link.getValue()) {
                Target t = target(source, relationRules, h);
                if (t.reason != null) {
                    ignored.add(new SourceEdges.IgnoredLink(link.getKey(), h, t.reason));
                    continue;
                }
                String targetPath = path(t.type);
                if (targetPath.equals(sourcePath) && t.value.equals(parsed.identifiers.get(t.field))) {
                    // A resource that names itself (the root organisasjonselement as its own overordnet)
                    // is not listed as its own inverse: that would be a loop for a client walking the tree.
                    ignored.add(new SourceEdges.IgnoredLink(link.getKey(), h, "links to itself"));
                    continue;
                }
                edges.add(new Edge(t.type.component(), targetPath + "/" + t.field + "/" + t.value,
                        t.rule.inverse().name(), source.component(), sourceKey));
            }
        }
        return new SourceEdges(href, edges, ignored);
    }

    /**
     * The source's self path: by the identifier whose value is the record key's identifier (the one the
     * adapter keyed it by), else systemId, else the first identifier with a value in self-link order.
     */
    private String path(ResourceType type) {
        return paths.computeIfAbsent(type, ResourceType::path);
    }

    static String selfPath(String sourcePath, ModelClass c, String identifier, Map<String, String> values) {
        String field = null;
        for (String id : c.selfLinkIdentifiers()) {
            if (identifier != null && identifier.equals(values.get(id.toLowerCase(Locale.ROOT)))) {
                field = id;
                break;
            }
        }
        if (field == null && values.containsKey("systemid") && c.identifiers().contains("systemId")) {
            field = "systemId";
        }
        if (field == null) {
            for (String id : c.selfLinkIdentifiers()) {
                if (values.containsKey(id.toLowerCase(Locale.ROOT))) {
                    field = id;
                    break;
                }
            }
        }
        if (field == null) {
            return null;
        }
        String f = field.toLowerCase(Locale.ROOT);
        return sourcePath + "/" + f + "/" + values.get(f);
    }

    private Target target(ResourceType source, List<RelationRule> relationRules, String href) {
        String h = href.strip();
        boolean absolute = false;
        String path;
        if (h.startsWith("${")) {
            int end = h.indexOf('}');
            if (end < 0) {
                return Target.ignored("unclosed placeholder");
            }
            Optional<String> p = model.placeholderPath(h.substring(2, end), source.component());
            if (p.isEmpty()) {
                return Target.ignored("unknown placeholder type");
            }
            path = p.get() + h.substring(end + 1);
        } else if (h.regionMatches(true, 0, "https://", 0, 8) || h.regionMatches(true, 0, "http://", 0, 7)) {
            try {
                path = new URI(h).getRawPath();
            } catch (URISyntaxException e) {
                return Target.ignored("not a URL");
            }
            if (path == null) {
                return Target.ignored("URL without a path");
            }
            absolute = true;
        } else if (h.startsWith("/")) {
            path = h;
        } else {
            // Relative "idfield/value": against the relation's one target class.
            ModelClass only = relationRules.get(0).target();
            if (relationRules.stream().anyMatch(r -> r.target() != only)) {
                return Target.ignored("relative link to an abstract class");
            }
            Optional<String> p = model.placeholderPath(only.qualifiedName(), source.component());
            if (p.isEmpty()) {
                return Target.ignored("target has no route");
            }
            path = p.get() + "/" + h;
        }
        List<String> segments = new ArrayList<>(8);
        for (int from = 0, to; from < path.length(); from = to + 1) {
            to = path.indexOf('/', from);
            if (to < 0) {
                to = path.length();
            }
            if (to > from) {
                segments.add(path.substring(from, to));
            }
        }
        if (segments.size() < 5) {
            return Target.ignored("not a resource path");
        }
        String value = segments.get(segments.size() - 1);
        String field = segments.get(segments.size() - 2).toLowerCase(Locale.ROOT);
        ResourceType type = null;
        int end = segments.size() - 2;
        // An absolute URL may carry a base path before the route (https://host/beta/utdanning/...).
        for (int first = 0; type == null && end - first >= 3; first++) {
            type = model.resourceByPath("/" + String.join("/", segments.subList(first, end))).orElse(null);
            if (!absolute) {
                break;
            }
        }
        if (type == null) {
            return Target.ignored("no resource at this path");
        }
        ModelClass targetClass = type.modelClass();
        RelationRule rule = null;
        for (RelationRule r : relationRules) {
            if (r.target() == targetClass) {
                rule = r;
                break;
            }
        }
        if (rule == null) {
            return Target.ignored("names a " + targetClass.name() + ", the relation needs " + relationRules.get(0).relation().target());
        }
        boolean known = false;
        for (String id : targetClass.identifiers()) {
            if (id.toLowerCase(Locale.ROOT).equals(field)) {
                known = true;
                break;
            }
        }
        if (!known) {
            return Target.ignored("'" + field + "' is not an identifier of " + targetClass.name());
        }
        return new Target(type, field, value, rule, null);
    }

    private record Target(ResourceType type, String field, String value, RelationRule rule, String reason) {
        static Target ignored(String reason) {
            return new Target(null, null, null, null, reason);
        }
    }

    /** Identifier values (lower-case field name to value) and the hrefs of maintained relations. */
    private record Parsed(Map<String, String> identifiers, Map<String, List<String>> links) {
    }

    private static Parsed parse(ModelClass c, Map<String, List<RelationRule>> maintained, byte[] json)
            throws UnreadableResourceException {
        Map<String, String> ids = new HashMap<>(4);
        Map<String, List<String>> links = new java.util.LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new UnreadableResourceException("not a JSON object", null);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (LINKS.equals(name) && t == JsonToken.START_OBJECT) {
                    readLinks(p, maintained, links);
                } else if (t == JsonToken.START_OBJECT && c.attribute(name).map(a -> a.identifier()).orElse(false)) {
                    String v = readIdentifier(p);
                    if (v != null && !v.isEmpty()) {
                        ids.put(name.toLowerCase(Locale.ROOT), v);
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new UnreadableResourceException("content after the JSON object", null);
            }
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new UnreadableResourceException("unreadable JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UnreadableResourceException("unreadable JSON: " + e.getMessage(), e);
        }
        return new Parsed(ids, links);
    }

    private static void readLinks(JsonParser p, Map<String, List<RelationRule>> maintained, Map<String, List<String>> out)
            throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String relation = p.currentName();
            JsonToken t = p.nextToken();
            if (!maintained.containsKey(relation)) {
                p.skipChildren();
                continue;
            }
            List<String> hrefs = out.computeIfAbsent(relation, k -> new ArrayList<>(2));
            if (t == JsonToken.START_ARRAY) {
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    readLink(p, t, hrefs);
                }
            } else {
                readLink(p, t, hrefs);
            }
        }
    }

    private static void readLink(JsonParser p, JsonToken t, List<String> hrefs) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if ("href".equals(name) && v == JsonToken.VALUE_STRING && !p.getText().isBlank()) {
                hrefs.add(p.getText());
            } else {
                p.skipChildren();
            }
        }
    }

    private static String readIdentifier(JsonParser p) throws IOException {
        String value = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (VALUE.equals(name) && v.isScalarValue() && v != JsonToken.VALUE_NULL) {
                value = p.getText();
            } else {
                p.skipChildren();
            }
        }
        return value;
    }
}
