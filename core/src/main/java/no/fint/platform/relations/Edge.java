package no.fint.platform.relations;

import no.fint.platform.model.Component;
import no.fint.platform.records.RecordKeys;

/**
 * One inverse link, as the relations service publishes it on the relation topic of the target's
 * component: the target (as the source's link named it) shows {@code inverse} pointing back to the
 * source. Its value, the source's self path, is kept beside it (see {@link EdgeValue}).
 *
 * <p>Key: {@code target path U+001F inverse U+001F source component (dash form) U+001F source record key},
 * the source record key itself being {@code resource U+001F identifier}. One key per (target, inverse,
 * source), so an add and a remove of different links never share a key and compaction cannot lose
 * either.
 *
 * @param targetComponent component that serves the target (its relation topic carries the edge)
 * @param targetPath      {@code /{domain}/{package}/{resource}/{idfield lower case}/{value}}
 * @param inverse         relation on the target, e.g. {@code elevforhold}
 * @param sourceComponent component whose entity topic carries the source
 * @param sourceKey       the source's entity record key, {@code resource U+001F identifier}
 */
public record Edge(Component targetComponent, String targetPath, String inverse, Component sourceComponent,
                   String sourceKey) implements Comparable<Edge> {

    private static final char SEP = RecordKeys.SEPARATOR;
    /** Parsed source components by dash form: a few dozen exist, and a rebuild parses every key. */
    private static final java.util.Map<String, Component> COMPONENTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The relation record key. */
    public String key() {
        return targetPath + SEP + inverse + SEP + sourceComponent.id() + SEP + sourceKey;
    }

    /**
     * Reads a relation record key of the relation topic of {@code targetComponent}.
     *
     * @throws IllegalArgumentException when the key does not have the edge form
     */
    public static Edge parse(Component targetComponent, String key) {
        if (key == null) {
            throw new IllegalArgumentException("An edge key is never null");
        }
        int a = key.indexOf(SEP);
        int b = a < 0 ? -1 : key.indexOf(SEP, a + 1);
        int c = b < 0 ? -1 : key.indexOf(SEP, b + 1);
        if (c < 0 || key.indexOf(SEP, c + 1) < 0 || a == 0 || b == a + 1 || c == b + 1) {
            throw new IllegalArgumentException("Not an edge key: " + key.replace(SEP, '|'));
        }
        String path = key.substring(0, a);
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("Edge key without a target path: " + key.replace(SEP, '|'));
        }
        return new Edge(targetComponent, path, key.substring(a + 1, b), component(key.substring(b + 1, c)), key.substring(c + 1));
    }

    private static Component component(String id) {
        Component c = COMPONENTS.get(id);
        if (c == null) {
            c = Component.parse(id);
            if (COMPONENTS.size() < 1000) {
                COMPONENTS.put(id, c);
            }
        }
        return c;
    }

    /** Target component, then the key's fields in key order (without building keys). */
    @Override
    public int compareTo(Edge o) {
        int c = targetComponent.domain().compareTo(o.targetComponent.domain());
        if (c == 0) {
            c = targetComponent.pkg().compareTo(o.targetComponent.pkg());
        }
        if (c == 0) {
            c = targetPath.compareTo(o.targetPath);
        }
        if (c == 0) {
            c = inverse.compareTo(o.inverse);
        }
        if (c == 0) {
            c = sourceComponent.domain().compareTo(o.sourceComponent.domain());
        }
        if (c == 0) {
            c = sourceComponent.pkg().compareTo(o.sourceComponent.pkg());
        }
        return c != 0 ? c : sourceKey.compareTo(o.sourceKey);
    }

    @Override
    public String toString() {
        return targetPath + " " + inverse + " <- " + sourceComponent + " " + sourceKey.replace(SEP, '/');
    }
}
