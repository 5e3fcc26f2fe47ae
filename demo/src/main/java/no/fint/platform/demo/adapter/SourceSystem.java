package no.fint.platform.demo.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.fint.platform.demo.DataSet;
import no.fint.platform.model.ResourceType;

import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo adapter's source system for client writes: the data set, plus what clients created,
 * updated and deleted through the adapter (in memory, for the run). Resources are found by any of
 * their identifiers ({@code elevnummer/100}); each has a key identifier value, the one the adapter
 * syncs it by (systemId where the class has one, else its first identifier).
 */
final class SourceSystem {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSet data;
    /** Per resource path: "idfield/value" (field lower case) to the key identifier, built from the data set when first needed. */
    private final Map<String, Map<String, String>> dataIndex = new ConcurrentHashMap<>();
    /** Per resource path: key identifier to the resource as stored (written by clients), or null when deleted. */
    private final Map<String, Map<String, JsonNode>> written = new ConcurrentHashMap<>();
    /** Per resource path: "idfield/value" to key identifier, for written resources. */
    private final Map<String, Map<String, String>> writtenIndex = new ConcurrentHashMap<>();

    SourceSystem(DataSet data) {
        this.data = data;
    }

    /** The key identifier attribute of a type: systemId where it has one, else its first identifier. */
    static String keyField(ResourceType type) {
        return type.modelClass().identifiers().contains("systemId") ? "systemId" : type.modelClass().identifiers().get(0);
    }

    /** The key identifier of the resource {@code route} ({@code idfield/value}) names, or null when it does not exist. */
    synchronized String find(ResourceType type, String route) {
        String key = route.toLowerCase(Locale.ROOT).substring(0, route.indexOf('/')) + route.substring(route.indexOf('/'));
        Map<String, String> w = writtenIndex.getOrDefault(type.path(), Map.of());
        if (w.containsKey(key)) {
            String id = w.get(key);
            return written.get(type.path()).get(id) == null ? null : id;
        }
        String id = index(type).get(key);
        if (id != null && written.getOrDefault(type.path(), Map.of()).containsKey(id) && written.get(type.path()).get(id) == null) {
            return null; // deleted by a client
        }
        return id;
    }

    /** Stores a resource created or updated by a client under its key identifier. */
    synchronized void put(ResourceType type, String key, JsonNode resource) {
        written.computeIfAbsent(type.path(), k -> new HashMap<>()).put(key, resource);
        Map<String, String> idx = writtenIndex.computeIfAbsent(type.path(), k -> new HashMap<>());
        for (String field : type.modelClass().identifiers()) {
            JsonNode v = resource.path(field).path("identifikatorverdi");
            if (v.isTextual()) {
                idx.put(field.toLowerCase(Locale.ROOT) + "/" + v.textValue(), key);
            }
        }
    }

    synchronized void delete(ResourceType type, String key) {
        written.computeIfAbsent(type.path(), k -> new HashMap<>()).put(key, null);
    }

    private Map<String, String> index(ResourceType type) {
        return dataIndex.computeIfAbsent(type.path(), p -> {
            Map<String, String> idx = new HashMap<>();
            if (!data.types().contains(type)) {
                return idx;
            }
            for (Iterator<DataSet.Entry> it = data.entries(type); it.hasNext(); ) {
                DataSet.Entry e = it.next();
                try {
                    JsonNode n = JSON.readTree(e.json());
                    for (String field : type.modelClass().identifiers()) {
                        JsonNode v = n.path(field).path("identifikatorverdi");
                        if (v.isTextual()) {
                            idx.put(field.toLowerCase(Locale.ROOT) + "/" + v.textValue(), e.identifier());
                        }
                    }
                } catch (IOException x) {
                    // the generator writes valid JSON
                }
            }
            return idx;
        });
    }
}
