package no.fint.platform.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The FINT information model as a typed, immutable registry, loaded from the catalogue shipped in
 * this jar ({@code fint-model/information-model-<version>.json}).
 */
public final class InformationModel {

    public static final String DEFAULT_VERSION = "4.0.30";
    public static final List<String> VERSIONS = List.of("4.0.30", "3.21.10");

    private static final Map<String, InformationModel> LOADED = new ConcurrentHashMap<>();
    private static final List<String> JAVA_PREFIXES = List.of("no.novari.fint.model.resource.", "no.fint.model.resource.",
            "no.novari.fint.model.", "no.fint.model.");

    private final String version;
    private final Map<String, ModelClass> classes;
    private final Map<String, ModelClass> byLowerQualifiedName;
    private final Map<Component, List<ResourceType>> resourcesByComponent;
    private final Map<String, ResourceType> resourcesByPath;

    private InformationModel(String version, Map<String, ModelClass> classes) {
        this.version = version;
        this.classes = Collections.unmodifiableMap(classes);
        Map<String, ModelClass> lower = new LinkedHashMap<>();
        classes.values().forEach(c -> lower.put(c.qualifiedName().toLowerCase(Locale.ROOT), c));
        this.byLowerQualifiedName = Collections.unmodifiableMap(lower);

        Map<Component, List<ResourceType>> byComponent = new TreeMap<>();
        for (ModelClass c : classes.values()) {
            if (!c.isMain()) {
                continue;
            }
            if (!c.pkg().isEmpty()) {
                Component component = new Component(c.domain(), c.pkg());
                byComponent.computeIfAbsent(component, k -> new ArrayList<>()).add(new ResourceType(component, c));
            }
            for (Component component : c.exposedUnder()) {
                byComponent.computeIfAbsent(component, k -> new ArrayList<>()).add(new ResourceType(component, c));
            }
        }
        Map<String, ResourceType> byPath = new LinkedHashMap<>();
        byComponent.replaceAll((k, list) -> {
            List<ResourceType> sorted = new ArrayList<>(list);
            sorted.sort((a, b) -> a.name().compareTo(b.name()));
            sorted.forEach(r -> {
                ResourceType clash = byPath.put(r.path(), r);
                if (clash != null) {
                    throw new IllegalStateException("Two classes share the route " + r.path());
                }
            });
            return List.copyOf(sorted);
        });
        this.resourcesByComponent = Collections.unmodifiableMap(byComponent);
        this.resourcesByPath = Collections.unmodifiableMap(byPath);
    }

    /** The default model (4.0.30). */
    public static InformationModel load() {
        return load(DEFAULT_VERSION);
    }

    /** Loads (once per JVM) the catalogue of the given model version. */
    public static InformationModel load(String version) {
        if (!VERSIONS.contains(version)) {
            throw new IllegalArgumentException("Unknown information model version '" + version + "'; known: " + VERSIONS);
        }
        return LOADED.computeIfAbsent(version, InformationModel::read);
    }

    private static InformationModel read(String version) {
        String resource = "/fint-model/information-model-" + version + ".json";
        try (InputStream in = InformationModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing model catalogue on the classpath: " + resource);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            if (!version.equals(root.path("modelVersion").asText())) {
                throw new IllegalStateException(resource + " holds model " + root.path("modelVersion").asText());
            }
            Map<String, ModelClass> classes = new LinkedHashMap<>();
            for (JsonNode c : root.get("classes")) {
                ModelClass mc = parseClass(c);
                classes.put(mc.qualifiedName(), mc);
            }
            classes.values().forEach(c -> c.link(classes));
            return new InformationModel(version, classes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static ModelClass parseClass(JsonNode c) {
        String qualifiedName = c.get("qualifiedName").asText();
        List<Attribute> attributes = new ArrayList<>();
        for (JsonNode a : c.get("attributes")) {
            attributes.add(new Attribute(a.get("name").asText(), a.get("type").asText(), a.get("list").asBoolean(),
                    a.get("deprecated").asBoolean(), a.get("optional").asBoolean()));
        }
        List<Relation> relations = new ArrayList<>();
        for (JsonNode r : c.get("relations")) {
            relations.add(new Relation(r.get("name").asText(), r.get("target").asText(),
                    Multiplicity.valueOf(r.get("multiplicity").asText()), textOrNull(r.get("inverseName")),
                    r.hasNonNull("isSource") ? r.get("isSource").asBoolean() : null,
                    r.get("deprecated").asBoolean(), qualifiedName));
        }
        List<Component> exposedUnder = new ArrayList<>();
        if (c.has("exposedUnder")) {
            c.get("exposedUnder").forEach(e -> exposedUnder.add(Component.parse(e.asText())));
        }
        return new ModelClass(c.get("name").asText(), qualifiedName, c.get("domain").asText(),
                c.get("package").asText(), ClassKind.of(c.get("kind").asText()), c.get("writeable").asBoolean(),
                c.path("codeList").asBoolean(false), c.path("deprecated").asBoolean(false),
                textOrNull(c.get("route")), exposedUnder, attributes, relations, textOrNull(c.get("superclass")));
    }

    private static String textOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    public String version() {
        return version;
    }

    /** Every class, keyed by qualified name. */
    public Collection<ModelClass> classes() {
        return classes.values();
    }

    public Optional<ModelClass> modelClass(String qualifiedName) {
        return Optional.ofNullable(classes.get(qualifiedName));
    }

    /** Components that serve at least one resource, sorted by path. */
    public List<Component> components() {
        return List.copyOf(resourcesByComponent.keySet());
    }

    public boolean hasComponent(Component component) {
        return resourcesByComponent.containsKey(component);
    }

    /** Resources served by a component, sorted by name; empty for an unknown component. */
    public List<ResourceType> resources(Component component) {
        return resourcesByComponent.getOrDefault(component, List.of());
    }

    /** Every served resource of every component. */
    public List<ResourceType> resources() {
        return resourcesByComponent.values().stream().flatMap(List::stream).toList();
    }

    /** A served resource by component and lower-case name (matched case-insensitively). */
    public Optional<ResourceType> resource(Component component, String name) {
        return Optional.ofNullable(resourcesByPath.get(component.path() + "/" + name.toLowerCase(Locale.ROOT)));
    }

    /** A served resource by its path, e.g. {@code /utdanning/elev/elev} (case-insensitive). */
    public Optional<ResourceType> resourceByPath(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return Optional.ofNullable(resourcesByPath.get(p));
    }

    /**
     * Resolves the type of a link placeholder {@code ${type}} to the path of the resource it names,
     * as seen from {@code context} (felles classes without a package are served under the component
     * that links to them). Accepts {@code utdanning.elev.elev}, {@code felles.person}, Java class names
     * with or without a {@code Resource} suffix, any case.
     */
    public Optional<String> placeholderPath(String type, Component context) {
        String t = type.strip();
        for (String prefix : JAVA_PREFIXES) {
            if (t.startsWith(prefix)) {
                t = t.substring(prefix.length());
                break;
            }
        }
        t = t.toLowerCase(Locale.ROOT);
        ModelClass mc = byLowerQualifiedName.get(t);
        if (mc == null && t.endsWith("resource")) {
            mc = byLowerQualifiedName.get(t.substring(0, t.length() - "resource".length()));
        }
        if (mc == null || !mc.isMain()) {
            return Optional.empty();
        }
        if (mc.route().isPresent()) {
            return mc.route();
        }
        List<Component> under = mc.exposedUnder();
        if (under.isEmpty()) {
            return Optional.empty();
        }
        Component c = context != null && under.contains(context) ? context : under.get(0);
        return Optional.of(c.path() + "/" + mc.resourceName());
    }

    @Override
    public String toString() {
        return "FINT information model " + version;
    }
}
