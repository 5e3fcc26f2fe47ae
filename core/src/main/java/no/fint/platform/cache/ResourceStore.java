package no.fint.platform.cache;

import no.fint.platform.model.ResourceType;
import no.fint.platform.render.ByteSink;
import no.fint.platform.render.InverseLinks;
import no.fint.platform.render.ResourceLayout;
import no.fint.platform.render.ResourceRenderer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cached resources of one resource type of one organisation: one byte array per resource (its
 * canonical JSON), compact indexes from the record key and from every identifier value to it, the
 * inverse-relation edges that name its identifiers, and a snapshot of the keys in collection order.
 * Collection order is the record key's identifier (String order): deterministic, and the same after
 * a restart with the same data. Writes come through {@link OrgCache} (one at a time, under its lock);
 * any number of concurrent readers.
 */
public final class ResourceStore {

    private final ResourceType type;
    private final ResourceRenderer renderer;
    private final String collectionUrl;
    private final List<String> identifiers;
    private final VersionTable byKey = new VersionTable(v -> v.key);
    private final VersionTable[] byId;
    /** Per identifier field: the edges by target identifier value. */
    private final Map<String, EdgeBucket>[] edges;
    private final String modelName;

    private final Object snapshotLock = new Object();
    /** Versions in collection order (of their keys), as of {@link #sortedAt}. */
    private Version[] sorted = new Version[0];
    private long sortedAt;
    /** Versions of keys inserted since the last snapshot. */
    private final List<Version> inserted = new ArrayList<>();
    private volatile long structure;
    private volatile int size;
    private volatile long lastUpdated;

    @SuppressWarnings("unchecked")
    ResourceStore(ResourceType type, String baseUrl) {
        this.type = type;
        this.renderer = new ResourceRenderer(type, baseUrl);
        this.collectionUrl = baseUrl + type.path() + "/";
        this.identifiers = type.modelClass().identifiers();
        this.byId = new VersionTable[identifiers.size()];
        this.edges = new Map[identifiers.size()];
        for (int i = 0; i < byId.length; i++) {
            int idx = i;
            byId[i] = new VersionTable(v -> v.ids[idx]);
            edges[i] = new ConcurrentHashMap<>();
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
        Version v = byId[idx].get(value);
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
        Version[] snapshot = sorted();
        boolean slice = size > 0 && offset >= 0;
        List<Version> selected = new ArrayList<>(slice ? Math.min(snapshot.length, size) : snapshot.length);
        int from = 0;
        long skip = slice ? offset : 0;
        if (since <= 0) {
            // Without a time filter the snapshot holds exactly the resources to count: jump to the offset.
            from = (int) Math.min(snapshot.length, skip);
            skip = 0;
        }
        for (int i = from; i < snapshot.length; i++) {
            Version v = current(snapshot[i]);
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

    /** The live version of {@code v}'s key: {@code v} itself unless superseded (null once deleted). */
    private Version current(Version v) {
        return v.superseded ? byKey.get(v.key) : v;
    }

    /** A resource rendered as v1 serves it, and its self links (the first is a write status's Location). */
    public record Rendered(byte[] body, List<String> selfHrefs) {
    }

    /**
     * Renders a resource from its canonical JSON whether or not the cache holds it (a write's status
     * answers with the adapter's version), with the inverse links the cache holds for its identifiers.
     */
    public Rendered render(byte[] canonical) {
        ResourceLayout layout = parse(canonical);
        Version v = new Version("", layout, 0, 0);
        v.edges = bucketsOf(v);
        ByteSink out = new ByteSink(canonical.length + 512);
        render(v, out);
        return new Rendered(out.toByteArray(), renderer.selfHrefs(layout.ids()));
    }

    void render(Version v, ByteSink out) {
        renderer.render(v.json, v.linksStart, v.nestedHrefs, v.ids, inverseLinks(v), out);
    }

    private static InverseLinks inverseLinks(Version v) {
        EdgeBucket[] buckets = v.edges;
        if (buckets == null) {
            return InverseLinks.NONE;
        }
        InverseLinks.Builder b = InverseLinks.builder();
        for (EdgeBucket bucket : buckets) {
            bucket.collect(b);
        }
        return b.build();
    }

    /**
     * Versions in collection order. Rebuilt after inserts and deletes only (an update keeps the key's
     * place; a reader follows a superseded version to the current one): the previous order with the
     * deleted keys dropped and the new ones merged in.
     */
    private Version[] sorted() {
        long target = structure;
        synchronized (snapshotLock) {
            if (sortedAt == target) {
                return sorted;
            }
            List<Version> added;
            synchronized (inserted) {
                added = new ArrayList<>(inserted);
                inserted.clear();
            }
            List<Version> next = new ArrayList<>(sorted.length + added.size());
            for (Version v : sorted) {
                Version c = current(v);
                if (c != null) {
                    next.add(c);
                }
            }
            List<Version> fresh = new ArrayList<>(added.size());
            for (Version v : added) {
                Version c = current(v); // inserted and deleted again since the last snapshot: gone
                if (c != null) {
                    fresh.add(c);
                }
            }
            fresh.sort((a, b) -> a.key.compareTo(b.key));
            Version[] merged = merge(next, fresh);
            sorted = merged;
            sortedAt = target;
            return merged;
        }
    }

    /** Merges two lists sorted by key, keeping one version per key (a key deleted and inserted again). */
    private static Version[] merge(List<Version> a, List<Version> b) {
        Version[] out = new Version[a.size() + b.size()];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.size() || j < b.size()) {
            Version next;
            if (j >= b.size() || (i < a.size() && a.get(i).key.compareTo(b.get(j).key) <= 0)) {
                next = a.get(i++);
            } else {
                next = b.get(j++);
            }
            if (n == 0 || !out[n - 1].key.equals(next.key)) {
                out[n++] = next;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    // ---- writer side (called by OrgCache, under its lock) ----

    Version version(String key) {
        return byKey.get(key);
    }

    Version versionById(int idIndex, String value) {
        return byId[idIndex].get(value);
    }

    /** Stores {@code v} (new, or replacing the version with the same key) and indexes its identifiers. */
    void put(Version v) {
        v.edges = bucketsOf(v);
        Version old = byKey.put(v);
        for (int i = 0; i < byId.length; i++) {
            String o = old == null ? null : old.ids[i];
            if (o != null && !o.equals(v.ids[i])) {
                byId[i].remove(o, old);
            }
            if (v.ids[i] != null) {
                byId[i].put(v);
            }
        }
        if (old == null) {
            synchronized (inserted) {
                inserted.add(v);
            }
            size = byKey.size();
            structure++;
        } else {
            old.superseded = true;
        }
        lastUpdated = Math.max(lastUpdated, v.lastUpdated);
    }

    void delete(Version old, long now) {
        byKey.remove(old.key, old);
        old.superseded = true;
        for (int i = 0; i < byId.length; i++) {
            if (old.ids[i] != null) {
                byId[i].remove(old.ids[i], old);
            }
        }
        size = byKey.size();
        structure++;
        lastUpdated = Math.max(lastUpdated, now);
    }

    void touched(long now) {
        lastUpdated = Math.max(lastUpdated, now);
    }

    EdgeBucket bucket(int idIndex, String value, boolean create) {
        EdgeBucket b = edges[idIndex].get(value);
        if (b == null && create) {
            b = new EdgeBucket();
            edges[idIndex].put(value, b);
            Version v = byId[idIndex].get(value);
            if (v != null) {
                v.edges = bucketsOf(v); // the renderer finds a version's edges without a lookup
            }
        }
        return b;
    }

    void dropIfEmpty(int idIndex, String value, EdgeBucket b) {
        if (b.size() == 0 && edges[idIndex].remove(value, b)) {
            Version v = byId[idIndex].get(value);
            if (v != null) {
                v.edges = bucketsOf(v);
            }
        }
    }

    /** The buckets naming any of {@code v}'s identifier values, or null. */
    private EdgeBucket[] bucketsOf(Version v) {
        EdgeBucket[] found = null;
        int n = 0;
        for (int i = 0; i < byId.length; i++) {
            if (v.ids[i] == null || edges[i].isEmpty()) {
                continue;
            }
            EdgeBucket b = edges[i].get(v.ids[i]);
            if (b != null) {
                if (found == null) {
                    found = new EdgeBucket[byId.length - i];
                }
                found[n++] = b;
            }
        }
        return found == null || n == found.length ? found : Arrays.copyOf(found, n);
    }

    ResourceLayout parse(byte[] json) {
        return ResourceLayout.parse(json, type.modelClass());
    }
}
