package no.fint.platform.render;

import no.fint.platform.model.ModelClass;
import no.fint.platform.model.Relation;
import no.fint.platform.model.ResourceType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes one resource as FINT v1 served it, from its canonical JSON: attributes as stored, path
 * hrefs (nested ones included) prefixed with the base URL, then {@code _links} with the adapter's
 * relations in their order, the inverse links merged in (after the adapter's hrefs of a relation;
 * relations the adapter did not send in model relation order; hrefs sorted; nothing repeated) and
 * {@code self} last with one link per filled identifier in v1 self-link order. One instance per
 * resource type and base URL; thread-safe.
 */
public final class ResourceRenderer {

    private static final byte[] PATH_HREF = JsonScan.key("\"href\":\"/");
    private static final byte[] HREF_OPEN = JsonScan.key("{\"href\":\"");
    private static final byte[] HREF_CLOSE = JsonScan.key("\"}");
    private static final byte[] SELF = JsonScan.key("self");

    private final ResourceType type;
    private final String baseUrl;
    private final byte[] base;
    private final byte[][] selfPrefix;
    private final int[] selfIdIndex;
    private final List<String> relationOrder;

    public ResourceRenderer(ResourceType type, String baseUrl) {
        this.type = type;
        this.baseUrl = baseUrl;
        this.base = baseUrl.getBytes(StandardCharsets.UTF_8);
        ModelClass mc = type.modelClass();
        List<String> ids = mc.identifiers();
        List<String> self = mc.selfLinkIdentifiers();
        selfPrefix = new byte[self.size()][];
        selfIdIndex = new int[self.size()];
        for (int i = 0; i < self.size(); i++) {
            String field = self.get(i);
            selfIdIndex[i] = ids.indexOf(field);
            selfPrefix[i] = ("{\"href\":\"" + baseUrl + type.path() + "/" + field.toLowerCase(Locale.ROOT) + "/")
                    .getBytes(StandardCharsets.UTF_8);
        }
        List<String> rels = new ArrayList<>();
        for (Relation r : mc.relations()) {
            rels.add(r.name());
        }
        relationOrder = List.copyOf(rels);
    }

    public ResourceType type() {
        return type;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Renders {@code r} with {@code inverse} merged in. */
    public void render(ResourceLayout r, InverseLinks inverse, ByteSink out) {
        render(r.json(), r.linksStart(), r.nestedHrefs(), r.ids(), inverse, out);
    }

    /** Renders from the parts of a {@link ResourceLayout} (the cache keeps them in its own objects). */
    public void render(byte[] json, int linksStart, boolean nestedHrefs, String[] ids, InverseLinks inverse, ByteSink out) {
        int objectEnd = lastBrace(json);
        int attrEnd = linksStart >= 0 ? linksStart : objectEnd;
        int p = attrEnd;
        while (p > 1 && (json[p - 1] == ',' || isWs(json[p - 1]))) {
            p--;
        }
        copyWithHrefs(json, 0, p, nestedHrefs, out);
        boolean hasAttributes = JsonScan.skipWs(json, JsonScan.skipWs(json, 0, p) + 1, p) < p;
        int mark = out.size();
        out.ascii(hasAttributes ? ",\"_links\":{" : "\"_links\":{");
        boolean any = false;
        boolean selfDone = false;
        Set<String> adapterRelations = null;
        if (linksStart >= 0) {
            int v = JsonScan.skipWs(json, JsonScan.stringEnd(json, linksStart, json.length) + 1, json.length);
            JsonScan.Members m = new JsonScan.Members(json, JsonScan.skipWs(json, v + 1, json.length), json.length);
            while (m.next()) {
                if (any) {
                    out.write(',');
                }
                any = true;
                out.write(json, m.memberStart, m.keyEnd + 1 - m.memberStart).write(':');
                if (m.keyIs(SELF)) {
                    writeSelf(ids, out);
                    selfDone = true;
                    continue;
                }
                int extra = -1;
                if (!inverse.isEmpty()) {
                    String relation = m.key();
                    extra = inverse.first(relation);
                    if (adapterRelations == null) {
                        adapterRelations = new HashSet<>();
                    }
                    adapterRelations.add(relation);
                }
                writeAdapterLinks(json, m.valueStart, m.valueEnd, inverse, extra, out);
            }
        }
        if (!inverse.isEmpty()) {
            for (String relation : relationOrder) {
                int first = inverse.first(relation);
                if (first < 0 || (adapterRelations != null && adapterRelations.contains(relation))) {
                    continue;
                }
                if (any) {
                    out.write(',');
                }
                any = true;
                out.jsonString(relation).write(':').write('[');
                for (int i = first, end = inverse.end(first); i < end; i++) {
                    if (i > first) {
                        out.write(',');
                    }
                    writeHref(inverse, i, out);
                }
                out.write(']');
            }
        }
        if (!selfDone && hasSelf(ids)) {
            if (any) {
                out.write(',');
            }
            any = true;
            out.ascii("\"self\":");
            writeSelf(ids, out);
        }
        if (any) {
            out.write('}');
        } else {
            out.truncate(mark);
        }
        out.write('}');
    }

    /** The v1 self links of a resource with these identifier values, as written in {@code _links.self}. */
    public List<String> selfHrefs(String[] ids) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < selfPrefix.length; i++) {
            String id = selfIdIndex[i] >= 0 ? ids[selfIdIndex[i]] : null;
            if (id != null) {
                String prefix = new String(selfPrefix[i], StandardCharsets.UTF_8);
                out.add(prefix.substring("{\"href\":\"".length()) + id);
            }
        }
        return out;
    }

    private boolean hasSelf(String[] ids) {
        for (int idx : selfIdIndex) {
            if (idx >= 0 && ids[idx] != null) {
                return true;
            }
        }
        return false;
    }

    private void writeSelf(String[] ids, ByteSink out) {
        out.write('[');
        boolean first = true;
        for (int i = 0; i < selfPrefix.length; i++) {
            String id = selfIdIndex[i] >= 0 ? ids[selfIdIndex[i]] : null;
            if (id == null) {
                continue;
            }
            if (!first) {
                out.write(',');
            }
            first = false;
            out.write(selfPrefix[i]);
            JsonText.escapeInto(id, out);
            out.write(HREF_CLOSE);
        }
        out.write(']');
    }

    /** One adapter relation: its hrefs in supplied order, then inverse hrefs it does not already have. */
    private void writeAdapterLinks(byte[] json, int from, int to, InverseLinks inverse, int extra, ByteSink out) {
        out.write('[');
        Set<String> seen = extra < 0 ? null : new HashSet<>();
        boolean first = true;
        int i = JsonScan.skipWs(json, from, to);
        if (json[i] != '[') {
            throw JsonScan.bad("link array expected", i);
        }
        i = JsonScan.skipWs(json, i + 1, to);
        while (i < to && json[i] != ']') {
            int elementEnd = JsonScan.skipValue(json, i, to);
            if (json[i] == '{') {
                JsonScan.Members link = new JsonScan.Members(json, i, elementEnd);
                while (link.next()) {
                    if (link.keyIs(ResourceLayout.HREF) && link.valueIsString()) {
                        if (!first) {
                            out.write(',');
                        }
                        first = false;
                        int hs = link.valueStart + 1;
                        int he = link.valueEnd - 1;
                        out.write(HREF_OPEN);
                        if (hs < he && json[hs] == '/') {
                            out.write(base);
                        }
                        out.write(json, hs, he - hs).write(HREF_CLOSE);
                        if (seen != null) {
                            seen.add(absolute(JsonText.decode(json, hs, he)));
                        }
                    }
                }
            }
            i = JsonScan.skipWs(json, elementEnd, to);
            if (i < to && json[i] == ',') {
                i = JsonScan.skipWs(json, i + 1, to);
            }
        }
        if (extra >= 0) {
            for (int k = extra, end = inverse.end(extra); k < end; k++) {
                if (seen.add(absolute(inverse.href(k)))) {
                    if (!first) {
                        out.write(',');
                    }
                    first = false;
                    writeHref(inverse, k, out);
                }
            }
        }
        out.write(']');
    }

    private String absolute(String href) {
        return href.startsWith("/") ? baseUrl + href : href;
    }

    private void writeHref(InverseLinks inverse, int i, ByteSink out) {
        out.write(HREF_OPEN);
        if (inverse.isPath(i)) {
            out.write(base);
        }
        inverse.writeHref(i, out);
        out.write(HREF_CLOSE);
    }

    /** Copies {@code json[from, to)}, writing the base URL in front of every path href. */
    private void copyWithHrefs(byte[] json, int from, int to, boolean nestedHrefs, ByteSink out) {
        if (!nestedHrefs) {
            out.write(json, from, to - from);
            return;
        }
        int i = from;
        while (true) {
            int at = ResourceLayout.indexOf(json, PATH_HREF, i, to);
            if (at < 0) {
                out.write(json, i, to - i);
                return;
            }
            int pathStart = at + PATH_HREF.length - 1;
            out.write(json, i, pathStart - i).write(base);
            i = pathStart;
        }
    }

    private static int lastBrace(byte[] json) {
        int i = json.length - 1;
        while (i > 0 && isWs(json[i])) {
            i--;
        }
        if (json[i] != '}') {
            throw JsonScan.bad("'}' expected", i);
        }
        return i;
    }

    private static boolean isWs(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }
}
