package no.fint.platform.canonical;

import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.fint.platform.canonical.check.IdentifierCheck;
import no.fint.platform.canonical.check.PageIdentifierCheck;
import no.fint.platform.canonical.check.SurrogateCheck;
import no.fint.platform.model.ModelClass;
import no.fint.platform.model.ResourceType;
import no.fint.platform.sync.SyncType;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the entries of one sync page into canonical entity values, or refuses the page: every entry
 * is checked (identifier, duplicates, the resource against the model) and every violation reported,
 * so an adapter fixes a page in one round. A page is all or nothing.
 */
public final class PageCanonicalizer {

    /** Most violations reported for one page (the count is always exact). */
    public static final int MAX_REPORTED = 1000;

    private final Canonicalizer canonicalizer;

    public PageCanonicalizer(Canonicalizer canonicalizer) {
        this.canonicalizer = canonicalizer;
    }

    /**
     * One entry as sent: {@code identifier} as given, the resource either as a tree or as raw bytes
     * (then the streaming fast path is tried first); both null on delete pages or when missing.
     */
    public record Entry(String identifier, JsonNode resource, RawJson raw) {
        public Entry(String identifier, JsonNode resource) {
            this(identifier, resource, null);
        }
    }

    private static final ObjectMapper TREES = new ObjectMapper();

    /** One accepted entry: the identifier value (record key part) and the canonical JSON (null for a delete). */
    public record CanonicalEntry(String identifier, byte[] json) {
    }

    /** One reason an entry is refused. */
    public record EntryViolation(int index, String identifier, String field, String reason) {
    }

    /**
     * The outcome for a page.
     *
     * @param entries    the canonical entries (empty when refused)
     * @param violations the first {@value #MAX_REPORTED} violations
     * @param violationCount every violation
     * @param hash       a 64-bit fingerprint of the accepted content (identifiers and canonical JSON), so a
     *                   replayed page can be told from a different one with the same number
     */
    public record PageResult(List<CanonicalEntry> entries, List<EntryViolation> violations, int violationCount, long hash) {
        public boolean refused() {
            return violationCount > 0;
        }
    }

    public PageResult canonicalize(ResourceType type, SyncType syncType, List<Entry> entries) {
        ModelClass cls = type.modelClass();
        PageIdentifierCheck ids = new PageIdentifierCheck(entries.size());
        List<CanonicalEntry> out = new ArrayList<>(entries.size());
        List<EntryViolation> bad = new ArrayList<>();
        int[] count = {0};
        Violations violations = new Violations();
        ByteArrayBuilder buffer = new ByteArrayBuilder(2048);
        long hash = FNV_OFFSET;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            String given = e.identifier();
            String unpaired = SurrogateCheck.check(given);
            if (unpaired != null) {
                report(bad, count, i, given, "identifier", unpaired);
                if (syncType == SyncType.DELETE) {
                    continue;
                }
            }
            if (syncType == SyncType.DELETE) {
                String id = IdentifierCheck.value(given);
                String dup = ids.check(i, id);
                if (dup != null) {
                    report(bad, count, i, given, "identifier", dup);
                    continue;
                }
                out.add(new CanonicalEntry(id, null));
                hash = fnv(hash, id.getBytes(StandardCharsets.UTF_8));
                continue;
            }
            JsonNode resource = e.resource();
            if (e.raw() != null) {
                // Streamed already while the page was read (one tokenisation), or now from the bytes.
                Canonicalizer.Streamed fast = e.raw().streamedFor(type) ? e.raw().streamed() : canonicalizer.stream(type, e.raw(), buffer);
                String id = fast == null ? null : IdentifierCheck.match(given, cls, fast.identifiers());
                if (id != null) {
                    String dup = ids.check(i, id);
                    if (dup != null) {
                        report(bad, count, i, given, "identifier", dup);
                    } else if (count[0] == 0) {
                        out.add(new CanonicalEntry(id, fast.json()));
                        hash = fnv(fnv(hash, id.getBytes(StandardCharsets.UTF_8)), fast.json());
                    }
                    continue;
                }
                // Not the simple case: the tree walk decides and explains.
                try {
                    resource = TREES.readTree(e.raw().bytes(), e.raw().offset(), e.raw().length());
                } catch (JsonProcessingException ex) {
                    report(bad, count, i, given, "resource", "malformed JSON: " + ex.getOriginalMessage());
                    continue;
                } catch (java.io.IOException ex) {
                    report(bad, count, i, given, "resource", "unreadable: " + ex.getMessage());
                    continue;
                }
            }
            String id = null;
            if (resource != null && resource.isObject()) {
                id = IdentifierCheck.match(given, cls, resource);
                if (id == null) {
                    report(bad, count, i, given, "identifier", IdentifierCheck.reason(given, cls, resource));
                } else {
                    String dup = ids.check(i, id);
                    if (dup != null) {
                        report(bad, count, i, given, "identifier", dup);
                    }
                }
            } else if (given == null || given.isBlank()) {
                report(bad, count, i, given, "identifier", "missing");
            }
            violations.clear();
            byte[] json = canonicalizer.canonicalize(type, resource, violations, buffer);
            if (json == null) {
                for (Violation v : violations.list()) {
                    report(bad, count, i, given, v.field(), v.reason());
                }
                continue;
            }
            if (id != null && count[0] == 0) {
                out.add(new CanonicalEntry(id, json));
                hash = fnv(fnv(hash, id.getBytes(StandardCharsets.UTF_8)), json);
            }
        }
        if (count[0] > 0) {
            return new PageResult(List.of(), bad, count[0], 0);
        }
        return new PageResult(out, List.of(), 0, hash);
    }

    private static void report(List<EntryViolation> bad, int[] count, int index, String identifier, String field, String reason) {
        count[0]++;
        if (bad.size() < MAX_REPORTED) {
            bad.add(new EntryViolation(index, identifier, field, reason));
        }
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * An FNV-1a style 64-bit hash taken eight bytes at a time (it runs over every byte of a page),
     * mixed with the length so [ab][c] and [a][bc] differ. Not cryptographic: it only tells a
     * replayed page from a different one under the same number.
     */
    static long fnv(long h, byte[] bytes) {
        int i = 0;
        int words = bytes.length & ~7;
        for (; i < words; i += 8) {
            h ^= (long) LONGS.get(bytes, i);
            h *= FNV_PRIME;
            h ^= h >>> 29;
        }
        for (; i < bytes.length; i++) {
            h ^= (bytes[i] & 0xff);
            h *= FNV_PRIME;
        }
        h ^= bytes.length;
        return h * FNV_PRIME;
    }
}
