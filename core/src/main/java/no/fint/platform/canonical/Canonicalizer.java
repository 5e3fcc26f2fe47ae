package no.fint.platform.canonical;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import no.fint.platform.canonical.check.BooleanCheck;
import no.fint.platform.canonical.check.ComplexTypeCheck;
import no.fint.platform.canonical.check.DateCheck;
import no.fint.platform.canonical.check.FloatCheck;
import no.fint.platform.canonical.check.HrefCheck;
import no.fint.platform.canonical.check.IntegerCheck;
import no.fint.platform.canonical.check.LinkShapeCheck;
import no.fint.platform.canonical.check.ListShapeCheck;
import no.fint.platform.canonical.check.RelationNameCheck;
import no.fint.platform.canonical.check.RequiredAttributeCheck;
import no.fint.platform.canonical.check.StringCheck;
import no.fint.platform.canonical.check.UnknownAttributeCheck;
import no.fint.platform.model.Attribute;
import no.fint.platform.model.Component;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ModelClass;
import no.fint.platform.model.Relation;
import no.fint.platform.model.ResourceType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates one resource against the information model and writes its canonical JSON (the value of
 * an entity record, docs/architecture.md "Canonical resource JSON"), in one walk over the Jackson
 * tree the page parser built: no reflection, no model objects, the checks of
 * {@code no.fint.platform.canonical.check} applied on the way.
 *
 * <p>Canonical form: compact UTF-8; attributes in model order (superclass first), absent and null
 * ones omitted, empty strings and arrays kept; nested complex values in their class order with their
 * own {@code _links} last; dates {@code yyyy-MM-dd'T'HH:mm:ss'Z'}; {@code float} as
 * {@link Float#toString(float)}; {@code _links} last and only when non-empty, relations in the
 * order supplied, hrefs canonical (paths or https URLs), duplicates removed, relations without hrefs
 * and {@code self} dropped.
 *
 * <p>Thread-safe; one instance per information model.
 */
public final class Canonicalizer {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final InformationModel model;
    private final HrefCheck hrefs;

    public Canonicalizer(InformationModel model) {
        this.model = model;
        this.hrefs = new HrefCheck(model);
    }

    public InformationModel model() {
        return model;
    }

    /**
     * The canonical JSON of {@code resource}, or null when it breaks a rule (every violation is added
     * to {@code out}).
     */
    public byte[] canonicalize(ResourceType type, JsonNode resource, Violations out) {
        return canonicalize(type, resource, out, new ByteArrayBuilder(1024));
    }

    /** As {@link #canonicalize(ResourceType, JsonNode, Violations)}, writing through a reusable buffer. */
    public byte[] canonicalize(ResourceType type, JsonNode resource, Violations out, ByteArrayBuilder buffer) {
        if (resource == null || !resource.isObject()) {
            out.add(FieldPath.ROOT, resource == null || resource.isNull() ? "missing" : "expected a JSON object");
            return null;
        }
        buffer.reset();
        int before = out.size();
        try (JsonGenerator g = JSON.createGenerator(buffer, JsonEncoding.UTF8)) {
            Walk w = new Walk(g, out, type.component());
            w.object(type.modelClass(), resource, FieldPath.ROOT);
            if (out.size() != before) {
                return null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writes into memory: cannot happen
        }
        return buffer.toByteArray();
    }

    /** One resource's walk: writes while no violation was found, keeps checking after one. */
    private final class Walk {
        private final JsonGenerator g;
        private final Violations out;
        private final Component context;
        private boolean ok = true;

        Walk(JsonGenerator g, Violations out, Component context) {
            this.g = g;
            this.out = out;
            this.context = context;
        }

        private void violation(FieldPath where, String reason) {
            ok = false;
            out.add(where, reason);
        }

        void object(ModelClass cls, JsonNode node, FieldPath path) throws IOException {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String unknown = UnknownAttributeCheck.check(cls, name);
                if (unknown != null) {
                    violation(path.field(name), unknown);
                }
            }
            if (ok) {
                g.writeStartObject();
            }
            List<Attribute> attributes = cls.attributes();
            for (int i = 0; i < attributes.size(); i++) {
                Attribute a = attributes.get(i);
                JsonNode v = node.get(a.name());
                String required = RequiredAttributeCheck.check(a, v);
                if (required != null) {
                    violation(path.field(a.name()), required);
                    continue;
                }
                if (RequiredAttributeCheck.absent(v)) {
                    continue;
                }
                String shape = ListShapeCheck.check(a, v);
                if (shape != null) {
                    violation(path.field(a.name()), shape);
                    continue;
                }
                if (a.list()) {
                    FieldPath fp = path.field(a.name());
                    if (ok) {
                        g.writeFieldName(a.name());
                        g.writeStartArray();
                    }
                    for (int j = 0; j < v.size(); j++) {
                        JsonNode e = v.get(j);
                        String bad = ListShapeCheck.checkElement(e);
                        if (bad != null) {
                            violation(fp.index(j), bad);
                        } else {
                            value(a, e, fp, j);
                        }
                    }
                    if (ok) {
                        g.writeEndArray();
                    }
                } else {
                    value(a, v, path, -1);
                }
            }
            JsonNode links = node.get(UnknownAttributeCheck.LINKS);
            if (links != null && !links.isNull()) {
                links(cls, links, path.field(UnknownAttributeCheck.LINKS));
            }
            if (ok) {
                g.writeEndObject();
            }
        }

        /** Writes one value; {@code index >= 0} for a list element (no field name), else the field and value. */
        private void value(Attribute a, JsonNode v, FieldPath path, int index) throws IOException {
            String type = a.type();
            String reason;
            switch (type) {
                case StringCheck.TYPE -> {
                    reason = StringCheck.check(v);
                    if (reason == null && ok) {
                        name(a, index);
                        g.writeString(v.textValue());
                    }
                }
                case BooleanCheck.TYPE -> {
                    reason = BooleanCheck.check(v);
                    if (reason == null && ok) {
                        name(a, index);
                        g.writeBoolean(v.booleanValue());
                    }
                }
                case DateCheck.TYPE -> {
                    String date = DateCheck.canonical(v);
                    reason = date == null ? DateCheck.reason(v) : null;
                    if (reason == null && ok) {
                        name(a, index);
                        g.writeString(date);
                    }
                }
                case IntegerCheck.LONG, IntegerCheck.INT -> {
                    reason = IntegerCheck.check(type, v);
                    if (reason == null && ok) {
                        name(a, index);
                        g.writeNumber(v.longValue());
                    }
                }
                case FloatCheck.TYPE -> {
                    String f = FloatCheck.canonical(v);
                    reason = f == null ? FloatCheck.reason(v) : null;
                    if (reason == null && ok) {
                        name(a, index);
                        g.writeNumber(f);
                    }
                }
                default -> {
                    ModelClass cls = ComplexTypeCheck.type(model, type).orElse(null);
                    if (cls == null) {
                        reason = "type " + type + " is not in model " + model.version();
                    } else {
                        reason = ComplexTypeCheck.check(cls, v);
                        if (reason == null) {
                            if (ok) {
                                name(a, index);
                            }
                            object(cls, v, index >= 0 ? path.index(index) : path.field(a.name()));
                        }
                    }
                }
            }
            if (reason != null) {
                violation(index >= 0 ? path.index(index) : path.field(a.name()), reason);
            }
        }

        private void name(Attribute a, int index) throws IOException {
            if (index < 0) {
                g.writeFieldName(a.name());
            }
        }

        private void links(ModelClass cls, JsonNode links, FieldPath path) throws IOException {
            String shape = LinkShapeCheck.checkLinks(links);
            if (shape != null) {
                violation(path, shape);
                return;
            }
            boolean started = false;
            List<String> hrefList = new ArrayList<>(4);
            Set<String> seen = null; // only for long link lists: contains() on a short list is cheaper
            for (Iterator<Map.Entry<String, JsonNode>> it = links.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String name = e.getKey();
                if (RelationNameCheck.isSelf(name)) {
                    continue;
                }
                Relation relation = RelationNameCheck.relation(cls, name);
                if (relation == null) {
                    violation(path.field(name), RelationNameCheck.reason(cls, name));
                    continue;
                }
                JsonNode value = e.getValue();
                if (value == null || value.isNull()) {
                    continue;
                }
                String bad = LinkShapeCheck.checkRelation(value);
                if (bad != null) {
                    violation(path.field(name), bad);
                    continue;
                }
                hrefList.clear();
                if (seen != null) {
                    seen.clear();
                }
                for (int i = 0; i < value.size(); i++) {
                    JsonNode link = value.get(i);
                    String badLink = LinkShapeCheck.checkLink(link);
                    if (badLink != null) {
                        violation(path.field(name).index(i), badLink);
                        continue;
                    }
                    String given = link.get(LinkShapeCheck.HREF).textValue();
                    String href = hrefs.canonical(given, relation, context);
                    if (href == null) {
                        violation(path.field(name).index(i).field(LinkShapeCheck.HREF), hrefs.reason(given, relation, context));
                    } else if (hrefList.size() < 16) {
                        if (!hrefList.contains(href)) {
                            hrefList.add(href);
                        }
                    } else {
                        if (seen == null) {
                            seen = new HashSet<>();
                        }
                        if (seen.isEmpty()) {
                            seen.addAll(hrefList);
                        }
                        if (seen.add(href)) {
                            hrefList.add(href);
                        }
                    }
                }
                if (ok && !hrefList.isEmpty()) {
                    if (!started) {
                        g.writeFieldName(UnknownAttributeCheck.LINKS);
                        g.writeStartObject();
                        started = true;
                    }
                    g.writeFieldName(name);
                    g.writeStartArray();
                    for (int i = 0; i < hrefList.size(); i++) {
                        g.writeStartObject();
                        g.writeStringField(LinkShapeCheck.HREF, hrefList.get(i));
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
            }
            if (ok && started) {
                g.writeEndObject();
            }
        }
    }
}
