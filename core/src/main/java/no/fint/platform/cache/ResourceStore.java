package no.fint.platform.cache;

import no.fint.platform.model.ResourceType;
import no.fint.platform.render.ByteSink;
import no.fint.platform.render.InverseLinks;
import no.fint.platform.render.ResourceLayout;
import no.fint.platform.render.ResourceRenderer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cached resources of one resource type of one organisation: one byte array per resource (its
 * canonical JSON), an index from every identifier value to it, the inverse-relation edges that name
 * its identifiers, and a snapshot in collection order. Collection order is the record key's
 * identifier (String order): deterministic, and the same after a restart with the same data.
 * One writer ({@link OrgCache}); any number of concurrent readers.
 */
public final class ResourceStore {

    private static final Comparator<Slot> ORDER = Comparator.comparing(s -> s.key);

    private final ResourceType type;
    private final ResourceRenderer renderer;
    private final String collectionUrl;
    private final List<String> identifiers;
    private final Map<String, Slot> byKey = new ConcurrentHashMap<>();
    private final Map<String, Slot>[] byId;
    private final Map<String, EdgeBucket> edges = new ConcurrentHashMap<>();
    private final String modelName;

    private final Object snapshotLock = new Object();
    private volatile Slot[] sorted = new Slot[0];
    private volatile long structure;
    private long sortedAt;
    private volatile int size;
    private volatile long lastUpdated;

    @SuppressWarnings("unchecked")
    ResourceStore(ResourceType type, String baseUrl) {
        this.type = type;
        this.renderer = new ResourceRenderer(type, baseUrl);
        this.collectionUrl = baseUrl + type.path() + "/";
        this.identifiers = type.modelClass().identifiers();
        this.byId = new Map[identifiers.size()];
        for (int i = 0; i < byId.length; i++) {
            byId[i] = new ConcurrentHashMap<>();
        }
        this.modelName = type.modelClass().name().toLowerCase(Locale.ROOT);
    }

    public ResourceType type() {
        return type;
    }

    /** The v1 cache model name ({@code Elev.class.getSimpleName().toLowerCase()}). */
    public String modelName() {
        return modelName;
    }

    /** The collection URL with v1's trailing slash. */
    public String collectionUrl() {
        return collectionUrl;
    }

    /** Number of cached resources. */
    public int size() {
        return size;
    }

    /** Epoch ms of the last change to this class's served content (0 before the first). */
    public long lastUpdated() {
        return lastUpdated;
    }

    /** Index of an identifier field (matched case-insensitively), or -1. */
    public int identifierIndex(String field) {
        for (int i = 0; i < identifiers.size(); i++) {
            if (identifiers.get(i).equalsIgnoreCase(field)) {
                return i;
            }
        }
        return -1;
    }

    /** One resource by identifier field (any case) and exact value, as v1 bytes. */
    public Optional<byte[]> one(String field, String value) {
        int idx = identifierIndex(field);
        if (idx < 0) {
            return Optional.empty();
        }
        Slot slot = byId[idx].get(value);
        Version v = slot == null ? null : slot.version;
        if (v == null) {
            return Optional.empty();
        }
        ByteSink out = new ByteSink(v.json.length + 512);
        render(v, out);
        return Optional.of(out.toByteArray());
    }

    /**
     * A collection page: resources changed strictly after {@code since} (when {@code since > 0}), then
     * sliced when {@code size > 0 && offset >= 0} (v1's rules).
     */
    public Page page(long since, int offset, int size) {
        Slot[] all = sorted();
        List<Version> selected = new ArrayList<>(Math.min(all.length, size > 0 && offset >= 0 ? size : all.length));
        boolean slice = size > 0 && offset >= 0;
        long skip = slice ? offset : 0;
        for (Slot s : all) {
            Version v = s.version;
            if (v == null || (since > 0 && v.lastUpdated <= since)) {
                continue;
            }
            if (skip > 0) {
                skip--;
                continue;
            }
            if (slice && selected.size() >= size) {
                break;
            }
            selected.add(v);
        }
        return new Page(this, selected, this.size, offset, size);
    }

    void render(Version v, ByteSink out) {
        renderer.render(v.json, v.linksStart, v.nestedHrefs, v.ids, inverseLinks(v.ids), out);
    }

    private InverseLinks inverseLinks(String[] ids) {
        if (edges.isEmpty()) {
            return InverseLinks.NONE;
        }
        InverseLinks.Builder b = null;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == null) {
                continue;
            }
            EdgeBucket bucket = edges.get(bucketKey(i, ids[i]));
            if (bucket != null) {
                if (b == null) {
                    b = InverseLinks.builder();
                }
                bucket.collect(b);
            }
        }
        return b == null ? InverseLinks.NONE : b.build();
    }

    /** Resources in collection order (rebuilt after inserts and deletes, never for updates). */
    private Slot[] sorted() {
        long target = structure;
        synchronized (snapshotLock) {
            if (sortedAt == target) {
                return sorted;
            }
            Slot[] old = sorted;
            List<Slot> next = new ArrayList<>(byKey.size() + 16);
            for (Slot s : old) {
                if (s.version != null) {
                    next.add(s);
                }
            }
            int kept = next.size();
            for (Slot s : byKey.values()) {
                if (!s.listed) {
                    s.listed = true;
                    next.add(s);
                }
            }
            Slot[] arr = next.toArray(new Slot[0]);
            if (arr.length > kept) {
                // The kept part is sorted already: TimSort merges the new run in.
                Arrays.sort(arr, ORDER);
            }
            sorted = arr;
            sortedAt = target;
            return arr;
        }
    }

    static String bucketKey(int idIndex, String value) {
        return (char) ('0' + idIndex) + value;
    }

    // ---- writer side (called by OrgCache only) ----

    Slot slot(String key) {
        return byKey.get(key);
    }

    Slot slotById(int idIndex, String value) {
        return byId[idIndex].get(value);
    }

    void insert(String key, Version v) {
        Slot s = new Slot(key, v);
        byKey.put(key, s);
        index(s, null, v.ids);
        size = byKey.size();
        structure++;
        lastUpdated = Math.max(lastUpdated, v.lastUpdated);
    }

    void replace(Slot s, Version v) {
        Version old = s.version;
        s.version = v;
        index(s, old.ids, v.ids);
        lastUpdated = Math.max(lastUpdated, v.lastUpdated);
    }

    void delete(Slot s, long now) {
        Version old = s.version;
        s.version = null;
        byKey.remove(s.key, s);
        index(s, old.ids, null);
        size = byKey.size();
        structure++;
        lastUpdated = Math.max(lastUpdated, now);
    }

    void touched(long now) {
        lastUpdated = Math.max(lastUpdated, now);
    }

    private void index(Slot s, String[] oldIds, String[] newIds) {
        for (int i = 0; i < byId.length; i++) {
            String o = oldIds == null ? null : oldIds[i];
            String n = newIds == null ? null : newIds[i];
            if (o != null && !o.equals(n)) {
                byId[i].remove(o, s);
            }
            if (n != null) {
                byId[i].put(n, s);
            }
        }
    }

    EdgeBucket bucket(int idIndex, String value, boolean create) {
        String k = bucketKey(idIndex, value);
        return create ? edges.computeIfAbsent(k, x -> new EdgeBucket()) : edges.get(k);
    }

    void dropIfEmpty(int idIndex, String value, EdgeBucket b) {
        if (b.size() == 0) {
            edges.remove(bucketKey(idIndex, value), b);
        }
    }

    /** Number of buckets holding edges (for tests and metrics). */
    int edgeTargets() {
        return edges.size();
    }

    ResourceLayout parse(byte[] json) {
        return ResourceLayout.parse(json, type.modelClass());
    }
}
