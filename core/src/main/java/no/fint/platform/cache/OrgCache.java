package no.fint.platform.cache;

import no.fint.platform.model.Component;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ResourceType;
import no.fint.platform.render.ByteSink;
import no.fint.platform.render.JsonScan;
import no.fint.platform.render.ResourceLayout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * One organisation's cache: a {@link ResourceStore} per resource type of the served components,
 * filled from entity records and inverse-relation edges. The cache rules live here:
 * <ul>
 * <li>a version with an older last-modified never replaces a newer one;</li>
 * <li>a resource's lastUpdated is when this cache first saw its served content (this process's
 * clock); a record with the same bytes keeps it, an edge that changes the served bytes renews it;</li>
 * <li>an edge is kept by its target identifier, so it shows on whichever resource carries that
 * identifier, as soon as that resource arrives.</li>
 * </ul>
 * Writes may come from several threads (the Kafka readers): each store takes one write at a time;
 * reads come from any number of threads without locks.
 */
public final class OrgCache {

    /** What happened to a record. */
    public enum Outcome { APPLIED, UNCHANGED, OLDER, UNKNOWN_TYPE, INVALID }

    private static final byte[] HREF = JsonScan.key("href");

    private final InformationModel model;
    private final String orgId;
    private final LongSupplier clock;
    private final Map<Component, Map<String, ResourceStore>> stores = new LinkedHashMap<>();
    /** Every store by its resource path, e.g. {@code /utdanning/elev/elev}. */
    private final Map<String, ResourceStore> byPath = new HashMap<>();
    private volatile boolean live;

    public OrgCache(InformationModel model, String orgId, Collection<Component> components, String baseUrl, LongSupplier clock) {
        this.model = model;
        this.orgId = orgId;
        this.clock = clock;
        for (Component c : components) {
            Map<String, ResourceStore> byName = new LinkedHashMap<>();
            for (ResourceType t : model.resources(c)) {
                ResourceStore store = new ResourceStore(t, baseUrl);
                byName.put(t.name(), store);
                byPath.put(t.path(), store);
            }
            stores.put(c, Collections.unmodifiableMap(byName));
        }
    }

    public String orgId() {
        return orgId;
    }

    public InformationModel model() {
        return model;
    }

    public Collection<Component> components() {
        return Collections.unmodifiableSet(stores.keySet());
    }

    /** The store of a resource type (by lower-case resource name), if its component is served. */
    public Optional<ResourceStore> store(Component component, String resourceName) {
        Map<String, ResourceStore> m = stores.get(component);
        return m == null ? Optional.empty() : Optional.ofNullable(m.get(resourceName.toLowerCase(Locale.ROOT)));
    }

    /** The store of a resource path in lower case ({@code /utdanning/elev/elev}), or null. */
    public ResourceStore storeByPath(String path) {
        return byPath.get(path);
    }

    public Optional<ResourceStore> store(ResourceType type) {
        return store(type.component(), type.name());
    }

    /** The stores of a component, by resource name. */
    public List<ResourceStore> stores(Component component) {
        Map<String, ResourceStore> m = stores.get(component);
        return m == null ? List.of() : new ArrayList<>(m.values());
    }

    /**
     * Marks the end of the initial rebuild. From then on an edge renews a resource's lastUpdated only
     * when its served bytes really change (compared by rendering); during the rebuild every resource
     * is new anyway.
     */
    public void markLive() {
        live = true;
    }

    public boolean live() {
        return live;
    }

    /**
     * Applies one entity record.
     *
     * @param value        canonical resource JSON, or null for a delete (tombstone)
     * @param lastModified the record's last-modified stamp
     */
    public Outcome applyEntity(Component component, String resourceName, String identifier, byte[] value, long lastModified) {
        Optional<ResourceStore> maybe = store(component, resourceName);
        if (maybe.isEmpty()) {
            return Outcome.UNKNOWN_TYPE;
        }
        ResourceStore store = maybe.get();
        // One writer per store at a time; readers of several topics write different stores in parallel.
        synchronized (store) {
            return applyEntity(store, identifier, value, lastModified);
        }
    }

    private Outcome applyEntity(ResourceStore store, String identifier, byte[] value, long lastModified) {
        Version old = store.version(identifier);
        if (old != null && lastModified < old.lastModified) {
            return Outcome.OLDER;
        }
        long now = clock.getAsLong();
        if (value == null) {
            if (old == null) {
                return Outcome.UNCHANGED;
            }
            store.delete(old, now);
            return Outcome.APPLIED;
        }
        if (old != null && Arrays.equals(old.json, value)) {
            old.lastModified = lastModified;
            return Outcome.UNCHANGED;
        }
        ResourceLayout layout;
        try {
            layout = store.parse(value);
        } catch (RuntimeException e) {
            return Outcome.INVALID;
        }
        store.put(new Version(identifier, layout, lastModified, now));
        return Outcome.APPLIED;
    }

    /**
     * Applies one inverse-relation edge record.
     *
     * @param key   the edge key
     * @param value {@code {"href":"<source self path>"}}, or null when the edge is gone
     */
    public Outcome applyEdge(String key, byte[] value) {
        EdgeKey k = EdgeKey.parse(key);
        if (k == null) {
            return Outcome.INVALID;
        }
        Target t = target(k.targetPath());
        if (t == null) {
            return Outcome.UNKNOWN_TYPE;
        }
        Optional<no.fint.platform.model.Relation> modelRelation = t.store.type().modelClass().relation(k.relation());
        if (modelRelation.isEmpty()) {
            return Outcome.UNKNOWN_TYPE;
        }
        String href = null;
        if (value != null) {
            href = href(value);
            if (href == null || href.indexOf(EdgeKey.SEPARATOR) >= 0) {
                return Outcome.INVALID;
            }
        }
        // The model's own String for the relation: one object however many edges use it.
        String relation = modelRelation.get().name();
        synchronized (t.store) {
            return applyEdge(t, relation, k.source(), href);
        }
    }

    private Outcome applyEdge(Target t, String relation, String source, String href) {
        ResourceStore store = t.store;
        Version v = store.versionById(t.idIndex, t.value);
        ByteSink before = null;
        if (live && v != null) {
            before = new ByteSink(v.json.length + 512);
            store.render(v, before);
        }
        boolean changed;
        // The identifier value the bucket is found by: the target's own String when it is cached.
        String idValue = v != null ? v.ids[t.idIndex] : t.value;
        if (href == null) {
            EdgeBucket b = store.bucket(t.idIndex, idValue, false);
            changed = b != null && b.remove(relation, source);
            if (b != null) {
                store.dropIfEmpty(t.idIndex, idValue, b);
            }
        } else {
            changed = store.bucket(t.idIndex, idValue, true).put(relation, source, href);
        }
        if (!changed || v == null) {
            return changed ? Outcome.APPLIED : Outcome.UNCHANGED;
        }
        if (before != null) {
            ByteSink after = new ByteSink(before.size() + 128);
            store.render(v, after);
            if (after.contentEquals(before)) {
                return Outcome.UNCHANGED;
            }
        }
        long now = clock.getAsLong();
        v.lastUpdated = now;
        store.touched(now);
        return Outcome.APPLIED;
    }

    private record Target(ResourceStore store, int idIndex, String value) {
    }

    /** Resolves {@code /{domain}/{package}/{resource}/{idfield}/{value}} (value may hold slashes). */
    private Target target(String path) {
        if (path == null || !path.startsWith("/")) {
            return null;
        }
        // The resource path has three segments, or four for a nested package; try both.
        int end = path.indexOf('/', 1);
        for (int segments = 1; segments <= 4 && end > 0; segments++) {
            if (segments >= 3) {
                ResourceStore s = byPath.get(path.substring(0, end));
                if (s == null) {
                    s = byPath.get(path.substring(0, end).toLowerCase(Locale.ROOT));
                }
                if (s != null) {
                    int fieldEnd = path.indexOf('/', end + 1);
                    if (fieldEnd < 0 || fieldEnd == path.length() - 1) {
                        return null;
                    }
                    int idx = s.identifierIndex(path.substring(end + 1, fieldEnd));
                    return idx < 0 ? null : new Target(s, idx, path.substring(fieldEnd + 1));
                }
            }
            end = path.indexOf('/', end + 1);
        }
        return null;
    }

    private static String href(byte[] value) {
        try {
            JsonScan.Members m = new JsonScan.Members(value, 0, value.length);
            while (m.next()) {
                if (m.keyIs(HREF)) {
                    String h = m.stringValue();
                    return h == null || h.isEmpty() ? null : h;
                }
            }
        } catch (RuntimeException e) {
            // not an edge value
        }
        return null;
    }

    /** Sizes per resource store, for diagnostics. */
    public Map<String, Integer> sizes() {
        Map<String, Integer> out = new HashMap<>();
        stores.values().forEach(m -> m.values().forEach(s -> out.put(s.type().path(), s.size())));
        return out;
    }
}
