package no.fint.platform.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.fint.platform.model.Attribute;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ModelClass;
import no.fint.platform.model.Relation;
import no.fint.platform.model.ResourceType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a resource against the information model the way a strict provider does, independently of the
 * generator's code: known attributes and relations, required attributes, types (strings, booleans,
 * integers, dates as ISO-8601 or epoch ms, Identifikator/Periode and other complex shapes), parseable
 * placeholder links naming an identifier of the relation's target class, and an entry identifier equal
 * to one of the resource's identifier values.
 */
final class ModelCheck {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z.]+)}/([a-z]+)/(.+)");

    /** A link found in a resource: relation name, the class it was found on, and the href. */
    record Link(String relation, ModelClass owner, String href) {
    }

    private final InformationModel model;

    ModelCheck(InformationModel model) {
        this.model = model;
    }

    static JsonNode parse(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Problems with one entry; empty when valid. */
    List<String> problems(ResourceType type, DataSet.Entry entry) {
        List<String> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = MAPPER.readTree(entry.json());
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        if (!root.isObject()) {
            return List.of("not a JSON object");
        }
        ModelClass mc = type.modelClass();
        checkObject(type, mc, root, "", true, problems);
        List<String> idValues = new ArrayList<>();
        for (String id : mc.identifiers()) {
            JsonNode v = root.path(id).path("identifikatorverdi");
            if (v.isTextual()) {
                idValues.add(v.asText());
            }
        }
        if (!idValues.contains(entry.identifier())) {
            problems.add("identifier '" + entry.identifier() + "' is none of the identifier values " + idValues);
        }
        return problems;
    }

    private void checkObject(ResourceType type, ModelClass mc, JsonNode node, String at, boolean top, List<String> problems) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String name = f.getKey();
            if (name.equals("_links")) {
                checkLinks(type, mc, f.getValue(), at + "_links", top, problems);
                continue;
            }
            Optional<Attribute> a = mc.attribute(name);
            if (a.isEmpty()) {
                problems.add(at + name + ": unknown attribute of " + mc.qualifiedName());
                continue;
            }
            JsonNode v = f.getValue();
            if (v.isNull()) {
                if (!a.get().optional()) {
                    problems.add(at + name + ": required but null");
                }
                continue;
            }
            if (a.get().list()) {
                if (!v.isArray()) {
                    problems.add(at + name + ": a list must be an array");
                    continue;
                }
                for (int i = 0; i < v.size(); i++) {
                    checkValue(type, a.get(), v.get(i), at + name + "[" + i + "].", problems);
                }
            } else {
                checkValue(type, a.get(), v, at + name + ".", problems);
            }
        }
        for (Attribute a : mc.attributes()) {
            if (!a.optional() && (!node.has(a.name()) || node.get(a.name()).isNull())) {
                problems.add(at + a.name() + ": required attribute missing");
            }
        }
        if (top) {
            for (Relation r : mc.relations()) {
                boolean owned = r.isSource() == null || r.isSource();
                if (owned && r.multiplicity().required() && !node.path("_links").has(r.name())) {
                    problems.add(at + "_links." + r.name() + ": required relation missing");
                }
            }
        }
    }

    private void checkValue(ResourceType type, Attribute a, JsonNode v, String at, List<String> problems) {
        String where = at.substring(0, at.length() - 1);
        switch (a.type()) {
            case "string" -> {
                if (!v.isTextual()) {
                    problems.add(where + ": not a string");
                }
            }
            case "boolean" -> {
                if (!v.isBoolean()) {
                    problems.add(where + ": not a boolean");
                }
            }
            case "long", "int" -> {
                if (!v.isIntegralNumber()) {
                    problems.add(where + ": not an integer");
                }
            }
            case "float" -> {
                if (!v.isNumber()) {
                    problems.add(where + ": not a number");
                }
            }
            case "date" -> {
                if (v.isIntegralNumber()) {
                    break;
                }
                if (!v.isTextual()) {
                    problems.add(where + ": a date must be ISO-8601 or epoch ms");
                    break;
                }
                try {
                    OffsetDateTime.parse(v.asText());
                } catch (DateTimeParseException e) {
                    problems.add(where + ": not ISO-8601: " + v.asText());
                }
            }
            default -> {
                ModelClass complex = model.modelClass(a.type()).orElse(null);
                if (complex == null) {
                    problems.add(where + ": unknown type " + a.type());
                } else if (!v.isObject()) {
                    problems.add(where + ": " + complex.name() + " must be an object");
                } else {
                    checkObject(type, complex, v, at, false, problems);
                    if (a.type().equals(Attribute.IDENTIFIKATOR) && v.path("identifikatorverdi").asText("").isEmpty()) {
                        problems.add(where + ".identifikatorverdi: empty");
                    }
                }
            }
        }
    }

    private void checkLinks(ResourceType type, ModelClass mc, JsonNode links, String at, boolean top, List<String> problems) {
        if (!links.isObject()) {
            problems.add(at + ": not an object");
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = links.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String rel = f.getKey();
            Relation relation = mc.relation(rel).orElse(null);
            if (relation == null && !(top && rel.equals("self"))) {
                problems.add(at + "." + rel + ": unknown relation of " + mc.qualifiedName());
                continue;
            }
            JsonNode hrefs = f.getValue();
            if (!hrefs.isArray() || hrefs.isEmpty()) {
                problems.add(at + "." + rel + ": must be a non-empty array");
                continue;
            }
            if (relation != null && !relation.multiplicity().many() && hrefs.size() > 1) {
                problems.add(at + "." + rel + ": " + hrefs.size() + " links for a to-one relation");
            }
            for (JsonNode h : hrefs) {
                if (!h.isObject() || h.size() != 1 || !h.path("href").isTextual()) {
                    problems.add(at + "." + rel + ": each link must be {\"href\":...}");
                    continue;
                }
                String target = relation != null ? relation.target() : mc.qualifiedName();
                String problem = checkHref(type, target, h.get("href").asText());
                if (problem != null) {
                    problems.add(at + "." + rel + ": " + problem);
                }
            }
        }
    }

    /** Null when the href is a placeholder naming an identifier of the target class; the problem otherwise. */
    private String checkHref(ResourceType context, String targetClass, String href) {
        Matcher m = PLACEHOLDER.matcher(href);
        if (!m.matches()) {
            return "not a placeholder link: " + href;
        }
        Optional<String> path = model.placeholderPath(m.group(1), context.component());
        if (path.isEmpty()) {
            return "unknown placeholder type: " + href;
        }
        ResourceType target = model.resourceByPath(path.get()).orElse(null);
        if (target == null || !target.modelClass().qualifiedName().equals(targetClass)) {
            return "points to " + path.get() + ", not to a " + targetClass + ": " + href;
        }
        boolean known = target.modelClass().identifiers().stream()
                .anyMatch(id -> id.toLowerCase(Locale.ROOT).equals(m.group(2)));
        return known ? null : "'" + m.group(2) + "' is no identifier of " + targetClass + ": " + href;
    }

    /** The path form {@code /utdanning/elev/elev/systemid/123} of a placeholder href, seen from a component. */
    String resolve(ResourceType context, String href) {
        Matcher m = PLACEHOLDER.matcher(href);
        if (!m.matches()) {
            throw new IllegalArgumentException(href);
        }
        return model.placeholderPath(m.group(1), context.component()).orElseThrow() + "/" + m.group(2) + "/" + m.group(3);
    }

    /** Every {@code /path/idfield/value} a resource can be found by. */
    static List<String> identities(ResourceType type, JsonNode resource) {
        List<String> ids = new ArrayList<>();
        for (String id : type.modelClass().identifiers()) {
            JsonNode v = resource.path(id).path("identifikatorverdi");
            if (v.isTextual()) {
                ids.add(type.path() + "/" + id.toLowerCase(Locale.ROOT) + "/" + v.asText());
            }
        }
        return ids;
    }

    /** Visits every link of a resource, nested ones (Adresse.land) included, with the class that holds it. */
    void forEachLink(ResourceType type, JsonNode resource, BiConsumer<Link, Boolean> visitor) {
        visit(type.modelClass(), resource, true, visitor);
    }

    private void visit(ModelClass mc, JsonNode node, boolean top, BiConsumer<Link, Boolean> visitor) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().equals("_links")) {
                f.getValue().fields().forEachRemaining(rel -> rel.getValue().forEach(h ->
                        visitor.accept(new Link(rel.getKey(), mc, h.path("href").asText()), top)));
                continue;
            }
            Optional<Attribute> a = mc.attribute(f.getKey());
            if (a.isEmpty() || a.get().primitive() || f.getValue().isNull()) {
                continue;
            }
            ModelClass complex = model.modelClass(a.get().type()).orElseThrow();
            if (f.getValue().isArray()) {
                f.getValue().forEach(v -> visit(complex, v, false, visitor));
            } else {
                visit(complex, f.getValue(), false, visitor);
            }
        }
    }
}
