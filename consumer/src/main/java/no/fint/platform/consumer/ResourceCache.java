package no.fint.platform.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import no.fint.platform.model.ResourceType;
import no.fint.platform.records.EntityRecord;
import no.fint.platform.service.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory cache of one organisation's resources, filled from the entity topics. Keeps the
 * record bytes as they are and an index from every identifier value to the record key.
 */
@ApplicationScoped
public class ResourceCache {

    private final Map<String, Store> stores = new ConcurrentHashMap<>();

    /** Applies one entity record; an older version never replaces a newer one. */
    public void apply(ResourceType type, EntityRecord record) {
        Store s = stores.computeIfAbsent(type.path(), k -> new Store());
        synchronized (s) {
            Entry old = s.byKey.get(record.identifier());
            if (old != null && old.lastModified > record.lastModified()) {
                return;
            }
            if (old != null) {
                old.ids.forEach(s.byId::remove);
            }
            if (record.tombstone()) {
                s.byKey.remove(record.identifier());
                return;
            }
            List<String> ids = identifierKeys(type, record.value());
            Entry e = new Entry(record.value(), record.lastModified(), ids);
            s.byKey.put(record.identifier(), e);
            ids.forEach(id -> s.byId.put(id, e));
        }
    }

    /** A resource by identifier field (any case) and exact value. */
    public Optional<byte[]> find(ResourceType type, String field, String value) {
        Store s = stores.get(type.path());
        if (s == null) {
            return Optional.empty();
        }
        Entry e = s.byId.get(field.toLowerCase(Locale.ROOT) + '\u001F' + value);
        return Optional.ofNullable(e).map(x -> x.bytes);
    }

    /** Every cached resource of a type, in no particular order. */
    public List<byte[]> all(ResourceType type) {
        Store s = stores.get(type.path());
        if (s == null) {
            return List.of();
        }
        synchronized (s) {
            List<byte[]> out = new ArrayList<>(s.byKey.size());
            s.byKey.values().forEach(e -> out.add(e.bytes));
            return out;
        }
    }

    public int size(ResourceType type) {
        Store s = stores.get(type.path());
        return s == null ? 0 : s.byKey.size();
    }

    private static List<String> identifierKeys(ResourceType type, byte[] json) {
        List<String> keys = new ArrayList<>();
        try {
            JsonNode node = Json.mapper().readTree(json);
            for (String field : type.modelClass().identifiers()) {
                JsonNode v = node.path(field).path("identifikatorverdi");
                if (v.isTextual() && !v.asText().isEmpty()) {
                    keys.add(field.toLowerCase(Locale.ROOT) + '\u001F' + v.asText());
                }
            }
        } catch (IOException e) {
            // Unreadable record: kept by key, not findable by identifier.
        }
        return keys;
    }

    private static final class Store {
        final Map<String, Entry> byKey = new ConcurrentHashMap<>();
        final Map<String, Entry> byId = new ConcurrentHashMap<>();
    }

    private record Entry(byte[] bytes, long lastModified, List<String> ids) {
    }
}
