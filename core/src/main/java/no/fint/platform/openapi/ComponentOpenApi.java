package no.fint.platform.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.fint.platform.auth.PrincipalKind;
import no.fint.platform.auth.Role;
import no.fint.platform.model.Attribute;
import no.fint.platform.model.ClassKind;
import no.fint.platform.model.Component;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ModelClass;
import no.fint.platform.model.Relation;
import no.fint.platform.model.ResourceType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Generates, from the model catalogue, one OpenAPI 3.0.3 document per component with a typed schema
 * for every resource the component serves: attributes in serialisation order with their types,
 * nested complex types, a {@code _links} object listing the class's relations and {@code self}, and
 * the v1 collection envelope. Good enough for openapi-generator clients. Run at build time
 * ({@link #main}) so the consumer ships the documents under {@link #resourcePath}.
 */
public final class ComponentOpenApi {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    public static final String DEFAULT_SERVER = "https://api.felleskomponent.no";

    private final InformationModel model;
    private final Component component;
    private final Map<String, String> schemaNames = new HashMap<>();

    private ComponentOpenApi(InformationModel model, Component component) {
        this.model = model;
        this.component = component;
    }

    /** Where a document is packaged: {@code META-INF/fint-openapi/4.0.30/utdanning-elev.json}. */
    public static String resourcePath(String modelVersion, Component component) {
        return "META-INF/fint-openapi/" + modelVersion + "/" + component.id() + ".json";
    }

    /** Writes every component's document of every model version below {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/classes");
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        int n = 0;
        for (String version : InformationModel.VERSIONS) {
            InformationModel model = InformationModel.load(version);
            for (Component c : model.components()) {
                Path file = out.resolve(resourcePath(version, c));
                Files.createDirectories(file.getParent());
                mapper.writeValue(file.toFile(), document(model, c));
                n++;
            }
        }
        System.out.println("ComponentOpenApi: wrote " + n + " documents below " + out.resolve("META-INF/fint-openapi"));
    }

    /** The document of one component. */
    public static ObjectNode document(InformationModel model, Component component) {
        return new ComponentOpenApi(model, component).build();
    }

    private ObjectNode build() {
        List<ResourceType> types = model.resources(component);
        Set<ModelClass> needed = reachable(types);
        nameSchemas(needed);

        ObjectNode doc = F.objectNode();
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info");
        info.put("title", "FINT " + component + " (v1 consumer API)");
        info.put("version", model.version());
        info.put("description", "The resources of " + component + " in FINT information model " + model.version()
                + ", as the v1 consumer API serves them (HAL+JSON). Generated from the model catalogue. Every operation needs a"
                + " client's bearer token (scope fint-client, role " + new Role(PrincipalKind.CLIENT, component).text() + ", the organisation in"
                + " fintAssetIDs); x-org-id and x-client are taken from it.");
        doc.putArray("servers").addObject().put("url", DEFAULT_SERVER);
        doc.putArray("security").addObject().putArray("bearer");
        ArrayNode tags = doc.putArray("tags");
        ObjectNode paths = doc.putObject("paths");
        for (ResourceType t : types) {
            String cls = t.modelClass().name();
            tags.addObject().put("name", cls);
            String p = t.path();
            paths.set(p, collectionPath(t));
            for (String field : t.modelClass().selfLinkIdentifiers()) {
                paths.set(p + "/" + field.toLowerCase(Locale.ROOT) + "/{id}", onePath(t, field));
            }
            paths.set(p + "/last-updated", simplePath(cls, "get" + javaName(cls) + "LastUpdated", "When the class's content last changed", "LastUpdated"));
            paths.set(p + "/cache/size", simplePath(cls, "get" + javaName(cls) + "CacheSize", "Number of cached resources", "CacheSize"));
        }
        ObjectNode components = doc.putObject("components");
        components.putObject("securitySchemes").putObject("bearer").put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("Link", object().set("properties", F.objectNode().set("href", type("string"))));
        ObjectNode collectionLinks = object();
        ObjectNode clp = collectionLinks.putObject("properties");
        for (String k : List.of("self", "prev", "next")) {
            clp.set(k, linkArray());
        }
        schemas.set("CollectionLinks", collectionLinks);
        ObjectNode lastUpdated = object();
        lastUpdated.putObject("properties").set("lastUpdated", type("string").put("description", "epoch ms as a string"));
        schemas.set("LastUpdated", lastUpdated);
        ObjectNode cacheSize = object();
        cacheSize.putObject("properties").set("size", type("integer").put("format", "int32"));
        schemas.set("CacheSize", cacheSize);
        ObjectNode error = object();
        ObjectNode ep = error.putObject("properties");
        ep.set("message", type("string"));
        ep.set("exception", type("string"));
        ep.set("cause", type("string"));
        schemas.set("ErrorResponse", error);
        for (ModelClass mc : needed) {
            schemas.set(schemaNames.get(mc.qualifiedName()), classSchema(mc));
            if (hasLinks(mc)) {
                schemas.set(schemaNames.get(mc.qualifiedName()) + "Links", linksSchema(mc));
            }
        }
        for (ResourceType t : types) {
            String name = schemaNames.get(t.modelClass().qualifiedName());
            ObjectNode entries = object();
            entries.putObject("properties").set("_entries", F.objectNode().put("type", "array").set("items", ref(name)));
            schemas.set(name + "Entries", entries);
            ObjectNode coll = object();
            coll.put("description", "A v1 collection of " + t.modelClass().name());
            ObjectNode cp = coll.putObject("properties");
            cp.set("_embedded", ref(name + "Entries"));
            cp.set("_links", ref("CollectionLinks"));
            cp.set("total_items", type("integer").put("format", "int32"));
            cp.set("offset", type("integer").put("format", "int32"));
            cp.set("size", type("integer").put("format", "int32"));
            schemas.set(name.endsWith("Resource") ? name + "s" : name + "Resources", coll);
        }
        return doc;
    }

    private ObjectNode collectionPath(ResourceType t) {
        String cls = t.modelClass().name();
        ObjectNode get = operation(cls, "get" + javaName(cls) + "Collection", "All " + cls + " resources (optionally changed since, optionally paged)");
        ArrayNode params = get.withArray("parameters");
        params.add(query("sinceTimeStamp", type("integer").put("format", "int64"), "epoch ms; resources changed strictly after it"));
        params.add(query("size", type("integer").put("format", "int32"), "page size; 0 = all"));
        params.add(query("offset", type("integer").put("format", "int32"), "start of the page"));
        headers(params);
        String name = schemaNames.get(t.modelClass().qualifiedName());
        get.set("responses", responses(name.endsWith("Resource") ? name + "s" : name + "Resources"));
        return F.objectNode().set("get", get);
    }

    private ObjectNode onePath(ResourceType t, String field) {
        String cls = t.modelClass().name();
        ObjectNode get = operation(cls, "get" + javaName(cls) + "By" + javaName(field), cls + " by " + field);
        ArrayNode params = get.withArray("parameters");
        params.addObject().put("name", "id").put("in", "path").put("required", true).put("description", "the " + field + " value, exact").set("schema", type("string"));
        headers(params);
        ObjectNode responses = responses(schemaNames.get(t.modelClass().qualifiedName()));
        ObjectNode notFound = responses.putObject("404");
        notFound.put("description", "No " + cls + " with that " + field);
        notFound.set("content", content("ErrorResponse"));
        get.set("responses", responses);
        return F.objectNode().set("get", get);
    }

    private ObjectNode simplePath(String cls, String operationId, String summary, String schema) {
        ObjectNode get = operation(cls, operationId, summary);
        headers(get.withArray("parameters"));
        get.set("responses", responses(schema));
        return F.objectNode().set("get", get);
    }

    private static ObjectNode operation(String tag, String operationId, String summary) {
        ObjectNode op = F.objectNode();
        op.putArray("tags").add(tag);
        op.put("operationId", operationId);
        op.put("summary", summary);
        return op;
    }

    private static void headers(ArrayNode params) {
        params.addObject().put("name", "x-org-id").put("in", "header").put("required", false).set("schema", type("string"));
        params.addObject().put("name", "x-client").put("in", "header").put("required", false).set("schema", type("string"));
    }

    private static ObjectNode query(String name, ObjectNode schema, String description) {
        ObjectNode p = F.objectNode().put("name", name).put("in", "query").put("required", false).put("description", description);
        p.set("schema", schema);
        return p;
    }

    private static ObjectNode responses(String schema) {
        ObjectNode r = F.objectNode();
        ObjectNode ok = r.putObject("200");
        ok.put("description", "OK");
        ok.set("content", content(schema));
        return r;
    }

    private static ObjectNode content(String schema) {
        ObjectNode c = F.objectNode();
        c.putObject("application/hal+json").set("schema", ref(schema));
        c.putObject("application/json").set("schema", ref(schema));
        return c;
    }

    /** Every class whose schema the component's resources need: themselves and their attribute types. */
    private Set<ModelClass> reachable(List<ResourceType> types) {
        Set<ModelClass> out = new LinkedHashSet<>();
        Deque<ModelClass> todo = new ArrayDeque<>();
        types.forEach(t -> todo.add(t.modelClass()));
        while (!todo.isEmpty()) {
            ModelClass mc = todo.poll();
            if (!out.add(mc)) {
                continue;
            }
            for (Attribute a : mc.attributes()) {
                if (!a.primitive()) {
                    model.modelClass(a.type()).ifPresent(todo::add);
                }
            }
        }
        return out;
    }

    private void nameSchemas(Set<ModelClass> classes) {
        Map<String, Integer> uses = new HashMap<>();
        for (ModelClass mc : classes) {
            uses.merge(simpleSchemaName(mc), 1, Integer::sum);
        }
        for (ModelClass mc : classes) {
            String simple = simpleSchemaName(mc);
            if (uses.get(simple) > 1) {
                StringBuilder b = new StringBuilder();
                b.append(javaName(mc.domain()));
                for (String p : mc.pkg().split("\\.")) {
                    b.append(javaName(p));
                }
                simple = b + simple;
            }
            schemaNames.put(mc.qualifiedName(), simple);
        }
    }

    private static String simpleSchemaName(ModelClass mc) {
        return mc.kind() == ClassKind.MAIN ? mc.name() + "Resource" : mc.name();
    }

    private boolean hasLinks(ModelClass mc) {
        return mc.isMain() || !mc.relations().isEmpty();
    }

    private ObjectNode classSchema(ModelClass mc) {
        ObjectNode s = object();
        s.put("description", mc.qualifiedName() + (mc.isMain() ? " (v1 resource)" : ""));
        ObjectNode props = s.putObject("properties");
        for (Attribute a : mc.attributes()) {
            ObjectNode t = attributeType(a);
            if (a.deprecated()) {
                t.put("deprecated", true);
            }
            props.set(a.name(), a.list() ? F.objectNode().put("type", "array").set("items", t) : t);
        }
        if (hasLinks(mc)) {
            props.set("_links", ref(schemaNames.get(mc.qualifiedName()) + "Links"));
        }
        return s;
    }

    private ObjectNode linksSchema(ModelClass mc) {
        ObjectNode s = object();
        s.put("description", "Links of " + mc.name() + ": each relation (and self) an array of {href}");
        ObjectNode props = s.putObject("properties");
        for (Relation r : mc.relations()) {
            ObjectNode arr = linkArray();
            arr.put("description", "to " + r.target() + " (" + r.multiplicity() + ")");
            props.set(r.name(), arr);
        }
        if (mc.isMain()) {
            props.set("self", linkArray());
        }
        return s;
    }

    private ObjectNode attributeType(Attribute a) {
        return switch (a.type()) {
            case "string" -> type("string");
            case "boolean" -> type("boolean");
            case "date" -> type("string").put("format", "date-time");
            case "long" -> type("integer").put("format", "int64");
            case "int" -> type("integer").put("format", "int32");
            case "float" -> type("number").put("format", "float");
            default -> {
                String name = schemaNames.get(a.type());
                yield name == null ? object() : ref(name);
            }
        };
    }

    private static ObjectNode linkArray() {
        return F.objectNode().put("type", "array").set("items", ref("Link"));
    }

    private static ObjectNode object() {
        return F.objectNode().put("type", "object");
    }

    private static ObjectNode type(String t) {
        return F.objectNode().put("type", t);
    }

    private static ObjectNode ref(String schema) {
        return F.objectNode().put("$ref", "#/components/schemas/" + schema);
    }

    private static String javaName(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
