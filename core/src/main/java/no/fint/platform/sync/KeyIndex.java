package no.fint.platform.sync;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The keys of an entity topic ({@code resource U+001F identifier}) with, per key, what its latest
 * record says: deleted or not, when the platform accepted it ({@code last-modified}) and a hash of
 * the corrId that wrote it. Built by reading the topic (records of one key are on one partition, in
 * order, so the last one read is the latest) and used to find what a completed full sync did not
 * contain.
 *
 * <p>Compact on purpose, for a million keys in modest memory: no object per key. Keys are UTF-8
 * bytes in one growing arena (2-byte length prefix), the rest in parallel primitive arrays, and an
 * open-addressing table of ints points into them. Per key: the key's bytes + 2, plus 4 (arena
 * offset) + 8 (last-modified) + 4 (corrId hash) + 4 (key hash) + 1 (deleted) + about 8 (table slots
 * at load factor 0.5), about 31 bytes + the key: 1,000,000 keys of a 36-character UUID and a
 * 12-character resource name take about 80 MB, of 10-character ids about 55 MB (arrays grow by
 * doubling, so up to twice that while growing). The key hash kept per entry lets a probe skip other
 * keys without reading their bytes and a rehash run without hashing them again. A deleted key keeps
 * its entry (flagged). Not thread-safe.
 */
public final class KeyIndex {

    private byte[] arena = new byte[1 << 16];
    private int arenaUsed;
    private int[] offsets = new int[1024];
    private long[] lastModified = new long[1024];
    private int[] corrHashes = new int[1024];
    private int[] keyHashes = new int[1024];
    private boolean[] deleted = new boolean[1024];
    private int[] table = new int[2048]; // entry index + 1; 0 = empty
    private int size;

    /** The hash {@link #put} expects for a corrId (null for records without one). */
    public static int corrHash(String corrId) {
        return corrId == null ? 0 : corrId.hashCode();
    }

    /** Records the latest state of {@code recordKey}: replaces what an earlier record said. */
    public void put(String recordKey, long modified, int corrHash, boolean tombstone) {
        put(recordKey.getBytes(StandardCharsets.UTF_8), modified, corrHash, tombstone);
    }

    /** As {@link #put(String, long, int, boolean)}, with the key as its UTF-8 bytes as Kafka holds them (not kept). */
    public void put(byte[] key, long modified, int corrHash, boolean tombstone) {
        if (key.length > 0xFFFF) {
            throw new IllegalArgumentException("Key longer than 65535 bytes");
        }
        int h = hash(key);
        int mask = table.length - 1;
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            int e = table[slot];
            if (e == 0) {
                int idx = append(key);
                keyHashes[idx] = h;
                lastModified[idx] = modified;
                corrHashes[idx] = corrHash;
                deleted[idx] = tombstone;
                table[slot] = idx + 1;
                if (size * 2 > table.length) {
                    rehash();
                }
                return;
            }
            if (keyHashes[e - 1] == h && equalsKey(e - 1, key)) {
                lastModified[e - 1] = modified;
                corrHashes[e - 1] = corrHash;
                deleted[e - 1] = tombstone;
                return;
            }
        }
    }

    /** Keys seen (deleted ones included). */
    public int size() {
        return size;
    }

    /** Visits every key with its latest state. */
    public void forEach(Visitor visitor) {
        for (int i = 0; i < size; i++) {
            int off = offsets[i];
            int len = ((arena[off] & 0xff) << 8) | (arena[off + 1] & 0xff);
            visitor.visit(new String(arena, off + 2, len, StandardCharsets.UTF_8), lastModified[i], corrHashes[i], deleted[i]);
        }
    }

    /**
     * The keys starting with {@code prefix} (e.g. {@code elev U+001F}) whose state {@code want}
     * accepts, without the prefix. Only those keys become strings: a topic's other resource types
     * and the live keys cost a byte comparison each.
     */
    public java.util.List<String> select(String prefix, Filter want) {
        byte[] pre = prefix.getBytes(StandardCharsets.UTF_8);
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < size; i++) {
            int off = offsets[i];
            int len = ((arena[off] & 0xff) << 8) | (arena[off + 1] & 0xff);
            if (len < pre.length || !Arrays.equals(arena, off + 2, off + 2 + pre.length, pre, 0, pre.length)) {
                continue;
            }
            if (want.test(lastModified[i], corrHashes[i], deleted[i])) {
                out.add(new String(arena, off + 2 + pre.length, len - pre.length, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @FunctionalInterface
    public interface Filter {
        boolean test(long lastModified, int corrHash, boolean deleted);
    }

    /** Bytes held by this index (for the log and the docs' memory figures). */
    public long memoryBytes() {
        return arena.length + offsets.length * 4L + lastModified.length * 8L + corrHashes.length * 4L + keyHashes.length * 4L + deleted.length
                + table.length * 4L;
    }

    @FunctionalInterface
    public interface Visitor {
        void visit(String key, long lastModified, int corrHash, boolean deleted);
    }

    private int append(byte[] key) {
        if (size == offsets.length) {
            int n = size * 2;
            offsets = Arrays.copyOf(offsets, n);
            lastModified = Arrays.copyOf(lastModified, n);
            corrHashes = Arrays.copyOf(corrHashes, n);
            keyHashes = Arrays.copyOf(keyHashes, n);
            deleted = Arrays.copyOf(deleted, n);
        }
        int need = arenaUsed + 2 + key.length;
        if (need > arena.length) {
            long grown = Math.max((long) need, arena.length + (arena.length >> 1));
            if (grown > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("Key index arena over 2 GB");
            }
            arena = Arrays.copyOf(arena, (int) grown);
        }
        arena[arenaUsed] = (byte) (key.length >>> 8);
        arena[arenaUsed + 1] = (byte) key.length;
        System.arraycopy(key, 0, arena, arenaUsed + 2, key.length);
        offsets[size] = arenaUsed;
        arenaUsed = need;
        return size++;
    }

    private boolean equalsKey(int idx, byte[] key) {
        int off = offsets[idx];
        int len = ((arena[off] & 0xff) << 8) | (arena[off + 1] & 0xff);
        return len == key.length && Arrays.equals(arena, off + 2, off + 2 + len, key, 0, len);
    }

    private void rehash() {
        int[] t = new int[table.length * 2];
        int mask = t.length - 1;
        for (int i = 0; i < size; i++) {
            int slot = keyHashes[i] & mask;
            while (t[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            t[slot] = i + 1;
        }
        table = t;
    }

    private static int hash(byte[] key) {
        return hash(key, 0, key.length);
    }

    private static int hash(byte[] b, int from, int len) {
        int h = 0x9747b28c;
        for (int i = from; i < from + len; i++) {
            h = (h ^ (b[i] & 0xff)) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }
}
