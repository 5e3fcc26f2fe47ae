package no.fint.platform.cache;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

/**
 * An open-addressing hash table of {@link Version}s keyed by one of their own strings (the record
 * key, or one identifier value), so an index entry costs one array slot instead of a map node and a
 * key object. One writer (under the cache's lock), any number of lock-free readers: slots are read
 * with acquire and written with release semantics, a resize publishes a new array, and a deleted
 * slot becomes a tombstone until the next resize. A reader may miss a write in flight, never see a
 * half-built version (its content fields are final).
 */
final class VersionTable {

    /** Which string of a version this table is keyed by. */
    interface KeyOf {
        String keyOf(Version v);
    }

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Version[].class);
    private static final Version TOMBSTONE = Version.tombstone();

    /**
     * The slots and, beside them, each slot's key hash: probes and resizes compare hashes in one
     * int array instead of following every slot's version to its key String (a cache miss each,
     * the better part of a cold start's index work). A hash is written before its slot is published
     * (release); a reader reads it after the slot (acquire), so it sees that hash or a later one,
     * which differs only when the slot was emptied and reused for another key, i.e. the version it
     * holds was deleted meanwhile.
     */
    private record Slots(Version[] versions, int[] hashes) {
        Slots(int capacity) {
            this(new Version[capacity], new int[capacity]);
        }
    }

    private final KeyOf keyOf;
    private volatile Slots table = new Slots(16);
    private int live;
    private int used;

    VersionTable(KeyOf keyOf) {
        this.keyOf = keyOf;
    }

    /**
     * Fibonacci hashing (the top bits of hash times 2^32/phi): keys are often sequential numbers,
     * which plain masking would put in one long run of slots.
     */
    private static int index(int hash, int mask) {
        return (hash * 0x9E3779B9) >>> Integer.numberOfLeadingZeros(mask);
    }

    Version get(String key) {
        Slots s = table;
        Version[] t = s.versions;
        int[] hashes = s.hashes;
        int mask = t.length - 1;
        int h = key.hashCode();
        for (int i = index(h, mask), probes = 0; probes <= mask; i = (i + 1) & mask, probes++) {
            Version v = (Version) SLOT.getAcquire(t, i);
            if (v == null) {
                return null;
            }
            if (v != TOMBSTONE && hashes[i] == h && key.equals(keyOf.keyOf(v))) {
                return v;
            }
        }
        return null;
    }

    /** Puts {@code v} under its key, replacing whatever had that key; returns the replaced version. */
    Version put(Version v) {
        String key = keyOf.keyOf(v);
        if ((used + 1) * 4 >= table.versions.length * 3) {
            resize();
        }
        Slots s = table;
        Version[] t = s.versions;
        int[] hashes = s.hashes;
        int mask = t.length - 1;
        int h = key.hashCode();
        int free = -1;
        for (int i = index(h, mask); ; i = (i + 1) & mask) {
            Version cur = (Version) SLOT.getAcquire(t, i);
            if (cur == null) {
                int at = free >= 0 ? free : i;
                if (free < 0) {
                    used++;
                }
                hashes[at] = h;
                SLOT.setRelease(t, at, v);
                live++;
                return null;
            }
            if (cur == TOMBSTONE) {
                if (free < 0) {
                    free = i;
                }
            } else if (hashes[i] == h && key.equals(keyOf.keyOf(cur))) {
                SLOT.setRelease(t, i, v);
                return cur;
            }
        }
    }

    /** Removes the entry of {@code key} only if it is {@code expected}; true when removed. */
    boolean remove(String key, Version expected) {
        Slots s = table;
        Version[] t = s.versions;
        int[] hashes = s.hashes;
        int mask = t.length - 1;
        int h = key.hashCode();
        for (int i = index(h, mask), probes = 0; probes <= mask; i = (i + 1) & mask, probes++) {
            Version v = (Version) SLOT.getAcquire(t, i);
            if (v == null) {
                return false;
            }
            if (v != TOMBSTONE && hashes[i] == h && key.equals(keyOf.keyOf(v))) {
                if (v != expected) {
                    return false;
                }
                SLOT.setRelease(t, i, TOMBSTONE);
                live--;
                return true;
            }
        }
        return false;
    }

    int size() {
        return live;
    }

    /** Every live version (a weakly consistent view when called outside the writer). */
    void forEach(Consumer<Version> action) {
        Version[] t = table.versions;
        for (int i = 0; i < t.length; i++) {
            Version v = (Version) SLOT.getAcquire(t, i);
            if (v != null && v != TOMBSTONE) {
                action.accept(v);
            }
        }
    }

    private void resize() {
        Slots old = table;
        int capacity = old.versions.length;
        // Grow when live entries fill half; otherwise only clean out tombstones.
        while (live * 2 >= capacity) {
            capacity *= 2;
        }
        Slots next = new Slots(capacity);
        Version[] t = next.versions;
        int[] hashes = next.hashes;
        int mask = capacity - 1;
        Version[] from = old.versions;
        for (int j = 0; j < from.length; j++) {
            Version v = from[j];
            if (v != null && v != TOMBSTONE) {
                int h = old.hashes[j];
                int i = index(h, mask);
                while (t[i] != null) {
                    i = (i + 1) & mask;
                }
                t[i] = v;
                hashes[i] = h;
            }
        }
        used = live;
        table = next; // volatile: publishes both arrays whole
    }
}
