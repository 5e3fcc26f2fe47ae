package no.fint.platform.render;

import no.fint.platform.model.ModelClass;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where things are in a resource's canonical JSON (docs/architecture.md): the top-level
 * {@code _links} member, whether nested objects carry path hrefs, and the identifier values. Found
 * once when a record arrives, so serving it is a copy with a few insertions.
 *
 * @param json        the canonical bytes (re-ordered only when {@code _links} was not last)
 * @param linksStart  index of the top-level {@code "_links"} key, or -1
 * @param nestedHrefs true when the bytes before {@code linksStart} hold a path href ({@code "href":"/})
 * @param ids         identifier values in {@link ModelClass#identifiers()} order; null where absent or empty
 */
public record ResourceLayout(byte[] json, int linksStart, boolean nestedHrefs, String[] ids) {

    static final byte[] LINKS = JsonScan.key("_links");
    static final byte[] HREF = JsonScan.key("href");
    private static final byte[] IDENTIFIKATORVERDI = JsonScan.key("identifikatorverdi");
    private static final byte[] PATH_HREF = JsonScan.key("\"href\":\"/");
    private static final Map<ModelClass, byte[][]> ID_KEYS = new ConcurrentHashMap<>();

    /**
     * Reads the layout of one resource of class {@code mc}.
     *
     * @throws IllegalArgumentException when the bytes are not one JSON object
     */
    public static ResourceLayout parse(byte[] json, ModelClass mc) {
        byte[][] idKeys = ID_KEYS.computeIfAbsent(mc, c -> {
            List<String> ids = c.identifiers();
            byte[][] k = new byte[ids.size()][];
            for (int i = 0; i < k.length; i++) {
                k[i] = JsonScan.key(ids.get(i));
            }
            return k;
        });
        int end = json.length;
        int start = JsonScan.skipWs(json, 0, end);
        JsonScan.Members m = new JsonScan.Members(json, start, end);
        String[] ids = new String[idKeys.length];
        int linksStart = -1;
        int linksValueStart = -1;
        int linksValueEnd = -1;
        boolean linksLast = true;
        while (m.next()) {
            if (linksStart >= 0) {
                linksLast = false;
            }
            if (m.keyIs(LINKS)) {
                if (!m.valueIsObject()) {
                    throw new IllegalArgumentException("_links is not an object");
                }
                linksStart = m.memberStart;
                linksValueStart = m.valueStart;
                linksValueEnd = m.valueEnd;
                linksLast = true;
                continue;
            }
            for (int i = 0; i < idKeys.length; i++) {
                if (m.keyIs(idKeys[i]) && m.valueIsObject()) {
                    ids[i] = identifikatorverdi(json, m.valueStart, m.valueEnd);
                    break;
                }
            }
        }
        int objectEnd = m.objectEnd();
        if (JsonScan.skipWs(json, objectEnd + 1, end) != end) {
            throw JsonScan.bad("trailing data after the resource", objectEnd + 1);
        }
        if (linksStart >= 0 && !linksLast) {
            // Not canonical: move _links to the end so the renderer can rely on it.
            json = moveLinksLast(json, start, linksStart, linksValueStart, linksValueEnd, objectEnd);
            return parse(json, mc);
        }
        int attrEnd = linksStart >= 0 ? linksStart : objectEnd;
        boolean nested = indexOf(json, PATH_HREF, 0, attrEnd) >= 0;
        return new ResourceLayout(json, linksStart, nested, ids);
    }

    private static String identifikatorverdi(byte[] json, int from, int to) {
        JsonScan.Members id = new JsonScan.Members(json, from, to);
        while (id.next()) {
            if (id.keyIs(IDENTIFIKATORVERDI)) {
                String v = id.stringValue();
                return v == null || v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    private static byte[] moveLinksLast(byte[] json, int start, int linksStart, int valueStart, int valueEnd, int objectEnd) {
        ByteSink out = new ByteSink(json.length + 2);
        out.write('{');
        JsonScan.Members m = new JsonScan.Members(json, start, json.length);
        boolean first = true;
        while (m.next()) {
            if (m.memberStart == linksStart) {
                continue;
            }
            if (!first) {
                out.write(',');
            }
            first = false;
            out.write(json, m.memberStart, m.valueEnd - m.memberStart);
        }
        if (!first) {
            out.write(',');
        }
        out.write(json, linksStart, valueEnd - linksStart);
        out.write('}');
        return out.toByteArray();
    }

    /** First index of {@code pattern} in {@code b[from, to)}, or -1. */
    static int indexOf(byte[] b, byte[] pattern, int from, int to) {
        byte first = pattern[0];
        int last = to - pattern.length;
        outer:
        for (int i = from; i <= last; i++) {
            if (b[i] != first) {
                continue;
            }
            for (int j = 1; j < pattern.length; j++) {
                if (b[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
