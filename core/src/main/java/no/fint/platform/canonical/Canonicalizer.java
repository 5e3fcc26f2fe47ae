package no.fint.platform.canonical;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import no.fint.platform.canonical.check.BooleanCheck;
import no.fint.platform.canonical.check.ComplexTypeCheck;
import no.fint.platform.canonical.check.DateCheck;
import no.fint.platform.canonical.check.FloatCheck;
import no.fint.platform.canonical.check.HrefCheck;
import no.fint.platform.canonical.check.IdentifierCheck;
import no.fint.platform.canonical.check.IntegerCheck;
import no.fint.platform.canonical.check.LinkShapeCheck;
import no.fint.platform.canonical.check.ListShapeCheck;
import no.fint.platform.canonical.check.RelationNameCheck;
import no.fint.platform.canonical.check.RequiredAttributeCheck;
import no.fint.platform.canonical.check.StringCheck;
import no.fint.platform.canonical.check.SurrogateCheck;
import no.fint.platform.canonical.check.UnknownAttributeCheck;
import no.fint.platform.model.Attribute;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ModelClass;
import no.fint.platform.model.Relation;
import no.fint.platform.model.ResourceType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
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
 * <p>Runs for every resource, so each class's attribute table (positions, kinds, resolved complex
 * types, pre-encoded names) is computed once up front. Thread-safe; one instance per model.
 */
public final class Canonicalizer {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final SerializableString LINKS = new SerializedString(UnknownAttributeCheck.LINKS);
    private static final SerializableString HREF = new SerializedString(LinkShapeCheck.HREF);
    private static final SerializableString SELF = new SerializedString(RelationNameCheck.SELF);
    /** An adapter's {@code self} key: none, seen but not written yet, written. */
    private static final int SELF_NONE = 0;
    private static final int SELF_PENDING = 1;
    private static final int SELF_WRITTEN = 2;

    private static final byte STRING = 1;
    private static final byte BOOLEAN = 2;
    private static final byte DATE = 3;
    private static final byte INTEGER = 4;
    private static final byte FLOAT = 5;
    private static final byte COMPLEX = 6;
    private static final byte UNKNOWN_TYPE = 7;

    private final InformationModel model;
    private final HrefCheck hrefs;
    private final Map<ModelClass, ClassInfo> classes = new IdentityHashMap<>();

    public Canonicalizer(InformationModel model) {
        this(model, false);
    }

    /**
     * @param clientLinks true for resources a client sends through the consumer API: absolute URLs of
     *                    known resources ({@code https://api.felleskomponent.no/utdanning/elev/elev/systemid/1},
     *                    any host) become paths like every other link (see {@link HrefCheck})
     */
    public Canonicalizer(InformationModel model, boolean clientLinks) {
        this.model = model;
        this.hrefs = new HrefCheck(model, clientLinks);
        for (ModelClass c : model.classes()) {
            classes.put(c, new ClassInfo(c));
        }
        classes.values().forEach(ClassInfo::link);
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
        return canonicalize(type, resource, out, buffer, false);
    }

    /**
     * A resource a client asks to create (or to validate for creation): as
     * {@link #canonicalize(ResourceType, JsonNode, Violations)}, except that the resource's own
     * identifier attributes ({@code systemId}, ...) may be missing, because the source system assigns
     * them (FINT v1's create flow); every other rule holds.
     */
    public byte[] canonicalizeNew(ResourceType type, JsonNode resource, Violations out) {
        return canonicalize(type, resource, out, new ByteArrayBuilder(1024), true);
    }

    private byte[] canonicalize(ResourceType type, JsonNode resource, Violations out, ByteArrayBuilder buffer, boolean newResource) {
        if (resource == null || !resource.isObject()) {
            out.add(FieldPath.ROOT, resource == null || resource.isNull() ? "missing" : "expected a JSON object");
            return null;
        }
        buffer.reset();
        int before = out.size();
        try (JsonGenerator g = JSON.createGenerator(buffer, JsonEncoding.UTF8)) {
            Walk w = new Walk(g, out, hrefs.in(type.component()));
            w.identifiersOptional = newResource;
            w.object(classes.get(type.modelClass()), resource, FieldPath.ROOT);
            if (out.size() != before) {
                return null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writes into memory: cannot happen
        }
        return buffer.toByteArray();
    }

    /** The outcome of the fast path: the canonical JSON and the resource's identifier values. */
    public record Streamed(byte[] json, IdentifierCheck.Values identifiers) {
    }

    /**
     * The fast path, for the common case: canonical JSON straight from the bytes, without building a
     * tree, when the resource is valid and its keys come in model order (as FINT's Java classes
     * serialise them, superclass first, {@code _links} last). Returns null for anything else (out of
     * order, unknown keys, any violation, duplicates); the tree walk
     * ({@link #canonicalize(ResourceType, JsonNode, Violations, ByteArrayBuilder)}) then decides and
     * explains, so both paths give the same bytes and the same answers.
     */
    public Streamed stream(ResourceType type, RawJson raw, ByteArrayBuilder buffer) {
        buffer.reset();
        ClassInfo root = classes.get(type.modelClass());
        String[] ids = new String[root.attributes.length];
        try (JsonParser p = JSON.createParser(raw.bytes(), raw.offset(), raw.length());
             JsonGenerator g = JSON.createGenerator(buffer, JsonEncoding.UTF8)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            new Stream(p, g, hrefs.in(type.component()), ids).object(root, true, -1);
            if (p.nextToken() != null) {
                return null;
            }
        } catch (Fallback | IOException e) {
            return null;
        }
        byte[] json = buffer.toByteArray();
        return new Streamed(json, name -> {
            Integer at = root.positions.get(name);
            return at == null ? null : ids[at];
        });
    }

    /**
     * The fast path run on the page reader's own parser, so the page is tokenised once: {@code p} is
     * at the resource's START_OBJECT and is left at its matching END_OBJECT whatever the outcome, as
     * {@link JsonParser#skipChildren()} would leave it. Returns what {@link #stream} returns for the
     * same bytes (null when the tree walk must decide). Malformed JSON is thrown as the parser found
     * it, exactly as skipping the resource would have thrown it; a value the fast path only could
     * not convert (a number out of range) is a fallback, as in {@link #stream}.
     */
    public Streamed streamInPlace(ResourceType type, JsonParser p, ByteArrayBuilder buffer) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new IllegalStateException("streamInPlace expects the parser at START_OBJECT");
        }
        // Depth of the context around the resource: reached again once its END_OBJECT is read.
        int outside = p.getParsingContext().getNestingDepth() - 1;
        buffer.reset();
        ClassInfo root = classes.get(type.modelClass());
        String[] ids = new String[root.attributes.length];
        boolean done = false;
        try (JsonGenerator g = JSON.createGenerator(buffer, JsonEncoding.UTF8)) {
            new Stream(p, g, hrefs.in(type.component()), ids).object(root, true, -1);
            done = true;
        } catch (Fallback | com.fasterxml.jackson.core.exc.InputCoercionException e) {
            // the tree walk decides; first read past the rest of the resource
        }
        if (!done) {
            while (!(p.currentToken() == JsonToken.END_OBJECT && p.getParsingContext().getNestingDepth() == outside)) {
                if (p.nextToken() == null) {
                    throw new com.fasterxml.jackson.core.JsonParseException(p, "Unexpected end of input inside a resource");
                }
            }
            return null;
        }
        byte[] json = buffer.toByteArray();
        return new Streamed(json, name -> {
            Integer at = root.positions.get(name);
            return at == null ? null : ids[at];
        });
    }

    /** The fast path gives up (no stack trace: it is control flow, and frequent only for bad input). */
    private static final class Fallback extends RuntimeException {
        Fallback() {
            super(null, null, false, false);
        }
    }

    private static final Fallback FALLBACK = new Fallback();

    /**
     * One relation of the canonical {@code _links}: {@code "name":[{"href":...},...]}. An href of plain
     * ASCII (nothing to escape) goes out as one raw value {@code {"href":"..."}}, the same bytes the
     * generator writes for it in four calls; any other takes the generator's way.
     */
    private static void writeRelation(JsonGenerator g, SerializableString name, List<String> hrefs) throws IOException {
        g.writeFieldName(name);
        g.writeStartArray();
        for (int i = 0; i < hrefs.size(); i++) {
            String href = hrefs.get(i);
            int n = href.length();
            char[] raw = new char[n + HREF_OPEN.length + 2];
            System.arraycopy(HREF_OPEN, 0, raw, 0, HREF_OPEN.length);
            href.getChars(0, n, raw, HREF_OPEN.length);
            boolean plain = true;
            for (int k = HREF_OPEN.length; k < HREF_OPEN.length + n; k++) {
                char c = raw[k];
                if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                    plain = false;
                    break;
                }
            }
            if (plain) {
                raw[raw.length - 2] = '"';
                raw[raw.length - 1] = '}';
                g.writeRawValue(raw, 0, raw.length);
            } else {
                g.writeStartObject();
                g.writeFieldName(HREF);
                g.writeString(raw, HREF_OPEN.length, n); // from chars: the generator reads a String char by char
                g.writeEndObject();
            }
        }
        g.writeEndArray();
    }

    private static final char[] HREF_OPEN = ("{\"" + LinkShapeCheck.HREF + "\":\"").toCharArray();

    /**
     * Before a relation is written: an adapter's {@code self} key seen before it is kept at its place
     * as the marker {@code "self":[]} (v1 cleared and rebuilt an adapter's self list where it stood, so
     * a self sent first is served first). A self after the last relation is left out: readers append
     * self last anyway.
     */
    private static int selfMarker(JsonGenerator g, int self) throws IOException {
        if (self != SELF_PENDING) {
            return self;
        }
        g.writeFieldName(SELF);
        g.writeStartArray();
        g.writeEndArray();
        return SELF_WRITTEN;
    }

    /** One resource read token by token and written at once: in model order, valid, or {@link #FALLBACK}. */
    private final class Stream {
        private final JsonParser p;
        private final JsonGenerator g;
        private final HrefCheck.Context hrefs;
        private final String[] ids;

        Stream(JsonParser p, JsonGenerator g, HrefCheck.Context hrefs, String[] ids) {
            this.p = p;
            this.g = g;
            this.hrefs = hrefs;
            this.ids = ids;
        }

        /** At START_OBJECT; leaves the parser at the matching END_OBJECT. */
        void object(ClassInfo info, boolean root, int capture) throws IOException {
            g.writeStartObject();
            int last = -1;
            int present = 0;
            boolean[] seen = null;
            boolean linksDone = false;
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (linksDone) {
                    throw FALLBACK; // something after _links: the tree walk puts it in order
                }
                Integer at = info.next(name, last);
                if (at == null) {
                    if (!UnknownAttributeCheck.LINKS.equals(name)) {
                        throw FALLBACK;
                    }
                    linksDone = true;
                    if (v != JsonToken.VALUE_NULL) {
                        links(info);
                    }
                    continue;
                }
                if (at <= last) {
                    throw FALLBACK;
                }
                last = at;
                if (v == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (seen == null) {
                    seen = new boolean[info.attributes.length];
                }
                seen[at] = true;
                present++;
                Attribute a = info.attributes[at];
                g.writeFieldName(info.names[at]);
                if (a.list()) {
                    if (v != JsonToken.START_ARRAY) {
                        throw FALLBACK;
                    }
                    g.writeStartArray();
                    int n = 0;
                    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                        value(info, at, e, -1);
                        n++;
                    }
                    if (n == 0 && !a.optional()) {
                        throw FALLBACK;
                    }
                    g.writeEndArray();
                } else {
                    value(info, at, v, root && a.identifier() ? at : -1);
                }
                if (capture >= 0 && a.name().equals(IdentifierCheck.VALUE)) {
                    ids[capture] = p.getText();
                }
            }
            for (int i = 0; i < info.attributes.length; i++) {
                if (!info.attributes[i].optional() && (seen == null || !seen[i])) {
                    throw FALLBACK; // a required attribute is missing: the tree walk says so
                }
            }
            g.writeEndObject();
        }

        private void value(ClassInfo info, int at, JsonToken v, int capture) throws IOException {
            switch (info.kinds[at]) {
                case STRING -> {
                    if (v != JsonToken.VALUE_STRING) {
                        throw FALLBACK;
                    }
                    if (info.identifierValue[at] && !SurrogateCheck.wellFormed(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())) {
                        throw FALLBACK; // the tree walk says why
                    }
                    g.writeString(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                }
                case BOOLEAN -> {
                    if (v != JsonToken.VALUE_TRUE && v != JsonToken.VALUE_FALSE) {
                        throw FALLBACK;
                    }
                    g.writeBoolean(v == JsonToken.VALUE_TRUE);
                }
                case DATE -> {
                    String date;
                    if (v == JsonToken.VALUE_STRING) {
                        date = DateCheck.canonical(p.getText());
                    } else if (v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                        date = DateCheck.canonical(p.getLongValue());
                    } else {
                        throw FALLBACK;
                    }
                    if (date == null) {
                        throw FALLBACK;
                    }
                    g.writeString(date);
                }
                case INTEGER -> {
                    if (v != JsonToken.VALUE_NUMBER_INT) {
                        throw FALLBACK;
                    }
                    JsonParser.NumberType nt = p.getNumberType();
                    if (nt == JsonParser.NumberType.BIG_INTEGER
                            || (nt == JsonParser.NumberType.LONG && IntegerCheck.INT.equals(info.attributes[at].type()))) {
                        throw FALLBACK;
                    }
                    g.writeNumber(p.getLongValue());
                }
                case FLOAT -> {
                    float f;
                    if (v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                        f = (float) p.getLongValue();
                    } else if (v == JsonToken.VALUE_NUMBER_FLOAT) {
                        f = (float) p.getDoubleValue();
                    } else {
                        throw FALLBACK;
                    }
                    if (!Float.isFinite(f)) {
                        throw FALLBACK;
                    }
                    g.writeNumber(Float.toString(f));
                }
                case COMPLEX -> {
                    ClassInfo type = info.complex[at];
                    if (type == null || v != JsonToken.START_OBJECT) {
                        throw FALLBACK;
                    }
                    object(type, false, capture);
                }
                default -> throw FALLBACK;
            }
        }

        /** At the START_OBJECT of {@code _links}; writes the canonical links (if any). */
        private void links(ClassInfo info) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw FALLBACK;
            }
            boolean started = false;
            int self = SELF_NONE;
            List<String> names = null;
            List<String> hrefList = new ArrayList<>(4);
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (RelationNameCheck.isSelf(name)) {
                    p.skipChildren();
                    self = self == SELF_NONE ? SELF_PENDING : self;
                    continue;
                }
                RelationInfo known = info.relations.get(name);
                if (known == null) {
                    throw FALLBACK;
                }
                Relation relation = known.relation();
                if (names == null) {
                    names = new ArrayList<>(4);
                } else if (names.contains(name)) {
                    throw FALLBACK; // the same relation twice: the tree keeps the last one
                }
                names.add(name);
                if (v == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (v != JsonToken.START_ARRAY) {
                    throw FALLBACK;
                }
                hrefList.clear();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    if (e != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME
                            || !LinkShapeCheck.HREF.equals(p.currentName()) || p.nextToken() != JsonToken.VALUE_STRING) {
                        throw FALLBACK;
                    }
                    String href = hrefs.canonical(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), relation);
                    if (href == null || p.nextToken() != JsonToken.END_OBJECT) {
                        throw FALLBACK;
                    }
                    if (!hrefList.contains(href)) {
                        if (hrefList.size() >= 64) {
                            throw FALLBACK; // long lists: the tree walk dedupes with a set
                        }
                        hrefList.add(href);
                    }
                }
                if (!hrefList.isEmpty()) {
                    if (!started) {
                        g.writeFieldName(LINKS);
                        g.writeStartObject();
                        started = true;
                    }
                    self = selfMarker(g, self);
                    writeRelation(g, known.name(), hrefList);
                }
            }
            if (started) {
                g.writeEndObject();
            }
        }
    }

    /** A relation of a class with its name ready to write. */
    private record RelationInfo(Relation relation, SerializableString name) {
    }

    /** A class's attributes in serialisation order, with what the walk needs about each. */
    private final class ClassInfo {
        final ModelClass cls;
        final Attribute[] attributes;
        final SerializableString[] names;
        final byte[] kinds;
        final ClassInfo[] complex;
        final Map<String, Integer> positions = new HashMap<>();
        final Map<String, RelationInfo> relations = new HashMap<>();
        /** The attribute names, interned as the parser's field names are (usually found by identity). */
        final String[] keys;
        /** Identifikator values: they become record keys and links, so they must be text UTF-8 can carry ({@link SurrogateCheck}). */
        final boolean[] identifierValue;

        ClassInfo(ModelClass cls) {
            this.cls = cls;
            List<Attribute> all = cls.attributes();
            attributes = all.toArray(new Attribute[0]);
            names = new SerializableString[attributes.length];
            kinds = new byte[attributes.length];
            complex = new ClassInfo[attributes.length];
            keys = new String[attributes.length];
            identifierValue = new boolean[attributes.length];
            for (Relation r : cls.relations()) {
                relations.putIfAbsent(r.name(), new RelationInfo(RelationNameCheck.relation(cls, r.name()), new SerializedString(r.name())));
            }
            for (int i = 0; i < attributes.length; i++) {
                keys[i] = attributes[i].name().intern();
                identifierValue[i] = attributes[i].name().equals(IdentifierCheck.VALUE);
                names[i] = new SerializedString(attributes[i].name());
                positions.put(attributes[i].name(), i);
                kinds[i] = switch (attributes[i].type()) {
                    case StringCheck.TYPE -> STRING;
                    case BooleanCheck.TYPE -> BOOLEAN;
                    case DateCheck.TYPE -> DATE;
                    case IntegerCheck.LONG, IntegerCheck.INT -> INTEGER;
                    case FloatCheck.TYPE -> FLOAT;
                    default -> attributes[i].primitive() ? UNKNOWN_TYPE : COMPLEX;
                };
            }
        }

        /**
         * The position of attribute {@code name}, looked for after {@code last} first (attributes come
         * in model order on the fast path); as {@code positions.get} otherwise.
         */
        Integer next(String name, int last) {
            for (int i = last + 1; i < keys.length; i++) {
                if (keys[i] == name) {
                    return i;
                }
            }
            return positions.get(name);
        }

        void link() {
            for (int i = 0; i < attributes.length; i++) {
                if (kinds[i] == COMPLEX) {
                    ModelClass c = ComplexTypeCheck.type(model, attributes[i].type()).orElse(null);
                    complex[i] = c == null ? null : classes.get(c);
                }
            }
        }
    }

    /** One resource's walk: writes while no violation was found, keeps checking after one. */
    private final class Walk {
        private final JsonGenerator g;
        private final Violations out;
        private final HrefCheck.Context hrefs;
        private boolean ok = true;
        /** A new resource: its own identifier attributes may be missing (the source system assigns them). */
        private boolean identifiersOptional;

        Walk(JsonGenerator g, Violations out, HrefCheck.Context hrefs) {
            this.g = g;
            this.out = out;
            this.hrefs = hrefs;
        }

        private void violation(FieldPath where, String reason) {
            ok = false;
            out.add(where, reason);
        }

        void object(ClassInfo info, JsonNode node, FieldPath path) throws IOException {
            // One pass over what was sent: unknown keys refused, known ones put in model position.
            JsonNode[] slots = new JsonNode[info.attributes.length];
            JsonNode links = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String name = e.getKey();
                Integer at = info.positions.get(name);
                if (at != null) {
                    slots[at] = e.getValue();
                } else if (UnknownAttributeCheck.LINKS.equals(name)) {
                    links = e.getValue();
                } else {
                    violation(path.field(name), UnknownAttributeCheck.check(info.cls, name));
                }
            }
            if (ok) {
                g.writeStartObject();
            }
            Attribute[] attributes = info.attributes;
            for (int i = 0; i < attributes.length; i++) {
                Attribute a = attributes[i];
                JsonNode v = slots[i];
                if (RequiredAttributeCheck.absent(v)) {
                    if (!a.optional() && !(identifiersOptional && path == FieldPath.ROOT && info.cls.identifiers().contains(a.name()))) {
                        violation(path.field(a.name()), RequiredAttributeCheck.check(a, v));
                    }
                    continue;
                }
                String shape = ListShapeCheck.check(a, v);
                if (shape != null) {
                    violation(path.field(a.name()), shape);
                    continue;
                }
                if (a.list()) {
                    String required = RequiredAttributeCheck.check(a, v);
                    if (required != null) {
                        violation(path.field(a.name()), required);
                        continue;
                    }
                    FieldPath fp = null;
                    if (ok) {
                        g.writeFieldName(info.names[i]);
                        g.writeStartArray();
                    }
                    for (int j = 0; j < v.size(); j++) {
                        JsonNode e = v.get(j);
                        if (fp == null) {
                            fp = path.field(a.name());
                        }
                        String bad = ListShapeCheck.checkElement(e);
                        if (bad != null) {
                            violation(fp.index(j), bad);
                        } else {
                            value(info, i, e, fp, j);
                        }
                    }
                    if (ok) {
                        g.writeEndArray();
                    }
                } else {
                    value(info, i, v, path, -1);
                }
            }
            if (links != null && !links.isNull()) {
                links(info.cls, links, path);
            }
            if (ok) {
                g.writeEndObject();
            }
        }

        /** Writes one value; {@code index >= 0} for a list element (no field name), else the field and value. */
        private void value(ClassInfo info, int at, JsonNode v, FieldPath path, int index) throws IOException {
            Attribute a = info.attributes[at];
            String reason;
            switch (info.kinds[at]) {
                case STRING -> {
                    reason = StringCheck.check(v);
                    if (reason == null && info.identifierValue[at]) {
                        reason = SurrogateCheck.check(v.textValue());
                    }
                    if (reason == null && ok) {
                        name(info, at, index);
                        g.writeString(v.textValue());
                    }
                }
                case BOOLEAN -> {
                    reason = BooleanCheck.check(v);
                    if (reason == null && ok) {
                        name(info, at, index);
                        g.writeBoolean(v.booleanValue());
                    }
                }
                case DATE -> {
                    String date = DateCheck.canonical(v);
                    reason = date == null ? DateCheck.reason(v) : null;
                    if (reason == null && ok) {
                        name(info, at, index);
                        g.writeString(date);
                    }
                }
                case INTEGER -> {
                    reason = IntegerCheck.check(a.type(), v);
                    if (reason == null && ok) {
                        name(info, at, index);
                        g.writeNumber(v.longValue());
                    }
                }
                case FLOAT -> {
                    String f = FloatCheck.canonical(v);
                    reason = f == null ? FloatCheck.reason(v) : null;
                    if (reason == null && ok) {
                        name(info, at, index);
                        g.writeNumber(f);
                    }
                }
                case COMPLEX -> {
                    ClassInfo type = info.complex[at];
                    if (type == null) {
                        reason = "type " + a.type() + " is not in model " + model.version();
                    } else {
                        reason = ComplexTypeCheck.check(type.cls, v);
                        if (reason == null) {
                            if (ok) {
                                name(info, at, index);
                            }
                            object(type, v, index >= 0 ? path.index(index) : path.field(a.name()));
                        }
                    }
                }
                default -> reason = "type " + a.type() + " is not supported";
            }
            if (reason != null) {
                violation(index >= 0 ? path.index(index) : path.field(a.name()), reason);
            }
        }

        private void name(ClassInfo info, int at, int index) throws IOException {
            if (index < 0) {
                g.writeFieldName(info.names[at]);
            }
        }

        private void links(ModelClass cls, JsonNode links, FieldPath parent) throws IOException {
            String shape = LinkShapeCheck.checkLinks(links);
            if (shape != null) {
                violation(parent.field(UnknownAttributeCheck.LINKS), shape);
                return;
            }
            boolean started = false;
            int self = SELF_NONE;
            List<String> hrefList = new ArrayList<>(4);
            Set<String> seen = null; // only for long link lists: contains() on a short list is cheaper
            for (Iterator<Map.Entry<String, JsonNode>> it = links.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String name = e.getKey();
                if (RelationNameCheck.isSelf(name)) {
                    self = self == SELF_NONE ? SELF_PENDING : self;
                    continue;
                }
                Relation relation = RelationNameCheck.relation(cls, name);
                if (relation == null) {
                    violation(parent.field(UnknownAttributeCheck.LINKS).field(name), RelationNameCheck.reason(cls, name));
                    continue;
                }
                JsonNode value = e.getValue();
                if (value == null || value.isNull()) {
                    continue;
                }
                String bad = LinkShapeCheck.checkRelation(value);
                if (bad != null) {
                    violation(parent.field(UnknownAttributeCheck.LINKS).field(name), bad);
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
                        violation(parent.field(UnknownAttributeCheck.LINKS).field(name).index(i), badLink);
                        continue;
                    }
                    String given = link.get(LinkShapeCheck.HREF).textValue();
                    String href = hrefs.canonical(given, relation);
                    if (href == null) {
                        violation(parent.field(UnknownAttributeCheck.LINKS).field(name).index(i).field(LinkShapeCheck.HREF),
                                hrefs.reason(given, relation));
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
                        g.writeFieldName(LINKS);
                        g.writeStartObject();
                        started = true;
                    }
                    self = selfMarker(g, self);
                    writeRelation(g, new SerializedString(name), hrefList);
                }
            }
            if (ok && started) {
                g.writeEndObject();
            }
        }
    }
}
