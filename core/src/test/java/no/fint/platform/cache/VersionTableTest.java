package no.fint.platform.cache;

import no.fint.platform.model.InformationModel;
import no.fint.platform.render.ResourceLayout;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VersionTableTest {

    static final ResourceLayout LAYOUT = ResourceLayout.parse("{}".getBytes(StandardCharsets.UTF_8),
            InformationModel.load().modelClass("utdanning.elev.Elev").orElseThrow());

    static Version v(String key) {
        return new Version(key, LAYOUT, 1, 1);
    }

    @Test
    void manySequentialKeysPutGetReplaceRemove() {
        VersionTable t = new VersionTable(x -> x.key);
        int n = 300_000;
        for (int i = 0; i < n; i++) {
            assertNull(t.put(v(Integer.toString(10_000_000 + i))));
        }
        assertEquals(n, t.size());
        for (int i = 0; i < n; i += 7) {
            assertEquals(Integer.toString(10_000_000 + i), t.get(Integer.toString(10_000_000 + i)).key);
        }
        assertNull(t.get("nope"));
        Version old = t.get("10000001");
        Version replacement = v("10000001");
        assertSame(old, t.put(replacement));
        assertSame(replacement, t.get("10000001"));
        assertFalse(t.remove("10000001", old), "only the expected version is removed");
        assertTrue(t.remove("10000001", replacement));
        assertNull(t.get("10000001"));
        for (int i = 0; i < n; i += 2) {
            t.remove(Integer.toString(10_000_000 + i), t.get(Integer.toString(10_000_000 + i)));
        }
        for (int i = 0; i < n; i += 2) {
            t.put(v("x" + i)); // reuses tombstones, resizes to clean them
        }
        AtomicInteger live = new AtomicInteger();
        t.forEach(x -> live.incrementAndGet());
        assertEquals(t.size(), live.get());
        assertEquals(n / 2 - 1 + n / 2, t.size());
        assertEquals("x4", t.get("x4").key);
        assertEquals("10000003", t.get("10000003").key);
    }

    @Test
    void keysWithEqualHashCodesStayApartThroughResizes() {
        // "Aa" and "BB" have the same String.hashCode, and so does every concatenation of them:
        // the stored hashes match and only the key comparison tells the versions apart.
        VersionTable t = new VersionTable(x -> x.key);
        String[] keys = new String[64];
        for (int i = 0; i < keys.length; i++) {
            StringBuilder b = new StringBuilder();
            for (int bit = 0; bit < 6; bit++) {
                b.append((i >> bit & 1) == 0 ? "Aa" : "BB");
            }
            keys[i] = b.toString();
            assertNull(t.put(v(keys[i])));
        }
        assertEquals(keys[0].hashCode(), keys[63].hashCode());
        for (String k : keys) {
            assertEquals(k, t.get(k).key);
        }
        Version replacement = v(keys[10]);
        Version old = t.put(replacement);
        assertEquals(keys[10], old.key);
        assertSame(replacement, t.get(keys[10]));
        assertTrue(t.remove(keys[20], t.get(keys[20])));
        assertNull(t.get(keys[20]));
        assertEquals(keys[21], t.get(keys[21]).key);
        for (int i = 0; i < 1000; i++) {
            t.put(v("grow" + i)); // resizes several times: the colliding keys keep their places right
        }
        for (int i = 0; i < keys.length; i++) {
            if (i == 20) {
                assertNull(t.get(keys[i]));
            } else {
                assertEquals(keys[i], t.get(keys[i]).key);
            }
        }
        assertSame(replacement, t.get(keys[10]));
        assertEquals(63 + 1000, t.size());
    }
}
