package no.fint.platform.provider;

import no.fint.platform.sync.KeyIndex;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The key indexes the provider keeps between stale deletions, by topic, least recently used first
 * out. Two bounds: a number of topics and a number of keys in all (the memory: see {@link KeyIndex}).
 * One organisation's full syncs go to several component topics, often at once; a bound of a few
 * topics alone made each completed sync read a whole topic again after another component's.
 *
 * @param <T> what is kept per topic (the index and how far it has read)
 */
final class KeyIndexCache<T> {

    private final int maxTopics;
    private final long maxKeys;
    private final ToIntFunction<T> keys;
    private final LinkedHashMap<String, T> byTopic = new LinkedHashMap<>(16, 0.75f, true);

    /** @param keys how many keys an entry holds */
    KeyIndexCache(int maxTopics, long maxKeys, ToIntFunction<T> keys) {
        this.maxTopics = Math.max(1, maxTopics);
        this.maxKeys = Math.max(1, maxKeys);
        this.keys = keys;
    }

    /** The entry of {@code topic} (now the most recently used), or null. */
    T get(String topic) {
        return byTopic.get(topic);
    }

    /** Keeps {@code entry} for {@code topic} (the most recently used). */
    void put(String topic, T entry) {
        byTopic.put(topic, entry);
    }

    void remove(String topic) {
        byTopic.remove(topic);
    }

    /**
     * Drops least recently used entries while there are more than the bounds allow; the most
     * recently used one stays even when it alone holds more keys than the bound.
     */
    void trim() {
        long total = 0;
        for (T t : byTopic.values()) {
            total += keys.applyAsInt(t);
        }
        Iterator<Map.Entry<String, T>> it = byTopic.entrySet().iterator();
        while (byTopic.size() > 1 && (byTopic.size() > maxTopics || total > maxKeys)) {
            Map.Entry<String, T> eldest = it.next();
            total -= keys.applyAsInt(eldest.getValue());
            it.remove();
        }
    }

    /** The topics kept, least recently used first. */
    List<String> topics() {
        return List.copyOf(byTopic.keySet());
    }
}
