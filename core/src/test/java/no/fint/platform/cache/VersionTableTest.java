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
}
