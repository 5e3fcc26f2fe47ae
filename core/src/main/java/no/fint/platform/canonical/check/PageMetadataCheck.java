package no.fint.platform.canonical.check;

import no.fint.platform.canonical.Violation;
import no.fint.platform.records.Topics;
import no.fint.platform.sync.PageMeta;
import no.fint.platform.sync.SyncType;

import java.util.ArrayList;
import java.util.List;

/**
 * Rule: a page's metadata is complete and consistent in itself. FINT v2 adapters
 * ({@code fint-core-adapter-common}) send {@code pageSize} as the number of entries in <em>this</em>
 * page, pages numbered from 1, and {@code totalPages} pages holding {@code totalSize} resources
 * together; a full sync must say all of that, or its completion cannot be decided. Consistency
 * between the pages of one sync is the session's job ({@code no.fint.platform.sync}).
 */
public final class PageMetadataCheck {

    /** Longest corrId accepted (it becomes part of Kafka keys and headers). */
    public static final int MAX_CORR_ID = 200;

    private PageMetadataCheck() {
    }

    /** Every violation of {@code meta} (with defaults applied for delta and delete pages); empty when fine. */
    public static List<Violation> check(PageMeta meta) {
        List<Violation> out = new ArrayList<>(2);
        String corrId = meta.corrId();
        if (corrId == null || corrId.isBlank()) {
            out.add(new Violation("metadata.corrId", "missing"));
        } else if (corrId.length() > MAX_CORR_ID) {
            out.add(new Violation("metadata.corrId", "longer than " + MAX_CORR_ID + " characters"));
        } else if (corrId.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            out.add(new Violation("metadata.corrId", "contains control characters"));
        } else if (SurrogateCheck.check(corrId) != null) {
            out.add(new Violation("metadata.corrId", SurrogateCheck.check(corrId)));
        }
        if (meta.orgId() == null || meta.orgId().isBlank()) {
            out.add(new Violation("metadata.orgId", "missing"));
        } else if (!Topics.validOrgId(meta.orgId())) {
            out.add(new Violation("metadata.orgId", "'" + meta.orgId() + "' is not an organisation id (a lower-case domain name such as fint.no)"));
        }
        Long totalSize = meta.totalSize();
        Long page = meta.page();
        Long totalPages = meta.totalPages();
        if (meta.type() == SyncType.FULL) {
            required(out, "metadata.totalSize", totalSize);
            required(out, "metadata.page", page);
            required(out, "metadata.totalPages", totalPages);
        }
        if (totalSize != null && totalSize < 0) {
            out.add(new Violation("metadata.totalSize", "negative"));
            return out;
        }
        if (totalPages != null && totalPages < 1) {
            out.add(new Violation("metadata.totalPages", "must be at least 1, was " + totalPages));
            return out;
        }
        if (page != null && (page < 1 || (totalPages != null && page > totalPages))) {
            out.add(new Violation("metadata.page", "page " + page + " is out of range 1.."
                    + (totalPages == null ? "totalPages" : totalPages)));
        }
        if (totalSize != null && totalPages != null) {
            if (totalSize == 0 && totalPages != 1) {
                out.add(new Violation("metadata.totalPages", "totalSize 0 is sent as one empty page, not " + totalPages + " pages"));
            } else if (totalSize > 0 && totalPages > totalSize) {
                out.add(new Violation("metadata.totalPages", totalPages + " pages cannot hold " + totalSize
                        + " resources (every page holds at least one)"));
            }
        }
        if (meta.pageSize() != null && meta.pageSize() != meta.entries()) {
            out.add(new Violation("metadata.pageSize", "says " + meta.pageSize() + " but the page holds " + meta.entries() + " resources"));
        }
        if (totalSize != null && meta.entries() > totalSize) {
            out.add(new Violation("resources", "the page holds " + meta.entries() + " resources, more than totalSize " + totalSize));
        } else if (totalSize != null && totalSize > 0 && meta.entries() == 0) {
            out.add(new Violation("resources", "empty page in a sync of " + totalSize + " resources"));
        }
        return out;
    }

    private static void required(List<Violation> out, String field, Long value) {
        if (value == null) {
            out.add(new Violation(field, "required for a full sync"));
        }
    }
}
