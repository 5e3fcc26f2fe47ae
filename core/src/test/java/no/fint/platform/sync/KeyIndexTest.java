package no.fint.platform.sync;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyIndexTest {

    @Test
    void theLastRecordOfAKeyWins() {
        KeyIndex index = new KeyIndex();
        index.put("a", 1, 10, false);
        index.put("b", 2, 20, false);
        index.put("a", 3, 30, true);
        index.put("æøå/ü", 4, 40, false);
        Map<String, String> seen = new HashMap<>();
        index.forEach((id, lm, ch, del) -> seen.put(id, lm + "/" + ch + "/" + del));
        assertEquals(Map.of("a", "3/30/true", "b", "2/20/false", "æøå/ü", "4/40/false"), seen);
        assertEquals(3, index.size());
    }

    @Test
    void selectingTheKeysOfOneResourceType() {
        KeyIndex index = new KeyIndex();
        index.put("elev\u001F1", 1, 0, false);
        index.put("elev\u001F2", 5, 0, false);
        index.put("elev\u001F3", 1, 0, true);
        index.put("elevforhold\u001F1", 1, 0, false);
        assertEquals(java.util.List.of("1"), index.select("elev\u001F", (lm, ch, del) -> !del && lm < 3));
        assertEquals(java.util.List.of("1"), index.select("elevforhold\u001F", (lm, ch, del) -> true));
    }

    @Test
    void manyKeysStayCompact() {
        KeyIndex index = new KeyIndex();
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            index.put("id-" + i, i, i, false);
        }
        for (int i = 0; i < n; i += 2) {
            index.put("id-" + i, i + 1, 7, true);
        }
        assertEquals(n, index.size());
        int[] deleted = {0};
        long[] sum = {0};
        index.forEach((id, lm, ch, del) -> {
            if (del) {
                deleted[0]++;
            }
            sum[0] += lm;
        });
        assertEquals(n / 2, deleted[0]);
        assertEquals((long) n * (n - 1) / 2 + n / 2, sum[0]);
        // about 27 bytes + the identifier per key (capacity slack aside): far below an object per key
        assertTrue(index.memoryBytes() < n * 60L, "bytes: " + index.memoryBytes());
    }

    @Test
    void keysAsBytesAndAsStringsAreTheSameKeys() {
        KeyIndex index = new KeyIndex();
        int n = 5_000; // several rehashes: the kept key hashes must place every key where a lookup finds it
        for (int i = 0; i < n; i++) {
            index.put(("elev\u001Fø-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8), i, 1, false);
        }
        for (int i = 0; i < n; i += 3) {
            index.put("elev\u001Fø-" + i, -1, 2, true); // the String form finds the entry the bytes made
        }
        assertEquals(n, index.size());
        java.util.List<String> deleted = index.select("elev\u001F", (lm, ch, del) -> del && lm == -1 && ch == 2);
        assertEquals((n + 2) / 3, deleted.size());
        assertTrue(deleted.contains("ø-0") && deleted.contains("ø-4998"));
        assertEquals(n - (n + 2) / 3, index.select("elev\u001F", (lm, ch, del) -> !del && lm >= 0 && ch == 1).size());
    }
}
