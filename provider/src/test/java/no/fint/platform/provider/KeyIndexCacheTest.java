package no.fint.platform.provider;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class KeyIndexCacheTest {

    /** An entry that holds so many keys. */
    private static KeyIndexCache<Integer> cache(int topics, long keys) {
        return new KeyIndexCache<>(topics, keys, n -> n);
    }

    @Test
    void keepsTheMostRecentlyUsedTopicsUpToTheTopicBound() {
        KeyIndexCache<Integer> c = cache(2, 1_000);
        c.put("a", 1);
        c.put("b", 1);
        c.get("a"); // a is now more recent than b
        c.put("c", 1);
        c.trim();
        assertEquals(List.of("a", "c"), c.topics());
        assertNull(c.get("b"));
    }

    @Test
    void dropsTheLeastRecentlyUsedWhileTheKeysInAllAreOverTheBound() {
        KeyIndexCache<Integer> c = cache(16, 100);
        c.put("a", 40);
        c.put("b", 40);
        c.put("c", 40);
        c.trim();
        assertEquals(List.of("b", "c"), c.topics());
        c.put("d", 90);
        c.trim();
        assertEquals(List.of("d"), c.topics());
    }

    @Test
    void theMostRecentStaysEvenWhenItAloneIsOverTheBound() {
        KeyIndexCache<Integer> c = cache(16, 100);
        c.put("a", 10);
        c.put("big", 500);
        c.trim();
        assertEquals(List.of("big"), c.topics());
    }

    @Test
    void aRemovedTopicIsRebuiltFromNothing() {
        KeyIndexCache<Integer> c = cache(16, 100);
        c.put("a", 10);
        c.remove("a");
        assertNull(c.get("a"));
        assertEquals(List.of(), c.topics());
    }
}
