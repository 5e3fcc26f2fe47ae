package no.fint.platform.canonical;

import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import no.fint.platform.canonical.check.IdentifierCheck;
import no.fint.platform.canonical.check.PageIdentifierCheck;
import no.fint.platform.model.ModelClass;
import no.fint.platform.model.ResourceType;
import no.fint.platform.sync.SyncType;

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

    /** One entry as sent: {@code identifier} as given, {@code resource} null on delete pages. */
    public record Entry(String identifier, JsonNode resource) {
    }

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

    /** FNV-1a over the bytes, with a separator so [ab][c] and [a][bc] differ. */
    private static long fnv(long h, byte[] bytes) {
        for (byte b : bytes) {
            h ^= (b & 0xff);
            h *= FNV_PRIME;
        }
        h ^= 0x1f;
        return h * FNV_PRIME;
    }
}
