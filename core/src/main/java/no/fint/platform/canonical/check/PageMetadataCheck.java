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
 * together; a full sync must say all of that, or its completion cannot be decided, and a delta or
 * delete page says all three or none. The numbers stay within {@link PageMeta}'s limits. Consistency
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
        } else {
            SurrogateCheck.report(out, "metadata.corrId", corrId);
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
            required(out, "metadata.totalSize", totalSize, "required for a full sync");
            required(out, "metadata.page", page, "required for a full sync");
            required(out, "metadata.totalPages", totalPages, "required for a full sync");
        } else if (totalSize != null || page != null || totalPages != null) {
            // the sync's session is made of these three (without any, the page is 1 of 1)
            required(out, "metadata.totalSize", totalSize, "required with page or totalPages");
            required(out, "metadata.page", page, "required with totalSize or totalPages");
            required(out, "metadata.totalPages", totalPages, "required with totalSize or page");
        }
        if (totalSize != null && totalSize < 0) {
            out.add(new Violation("metadata.totalSize", "negative"));
            return out;
        }
        if (totalPages != null && totalPages < 1) {
            out.add(new Violation("metadata.totalPages", "must be at least 1, was " + totalPages));
            return out;
        }
        // Bounded, as a session keeps a record per page received; beyond them the other rules say nothing new.
        int withinLimits = out.size();
        if (totalSize != null && totalSize > PageMeta.MAX_TOTAL_SIZE) {
            out.add(new Violation("metadata.totalSize", "at most " + PageMeta.MAX_TOTAL_SIZE + " resources in one sync, was " + totalSize));
        }
        if (totalPages != null && totalPages > PageMeta.MAX_TOTAL_PAGES) {
            out.add(new Violation("metadata.totalPages", "at most " + PageMeta.MAX_TOTAL_PAGES + " pages in one sync, was " + totalPages));
        }
        if (meta.pageSize() != null && meta.pageSize() > PageMeta.MAX_PAGE_SIZE) {
            out.add(new Violation("metadata.pageSize", "at most " + PageMeta.MAX_PAGE_SIZE + " resources in one page, was " + meta.pageSize()));
        } else if (meta.entries() > PageMeta.MAX_PAGE_SIZE) {
            out.add(new Violation("resources", "at most " + PageMeta.MAX_PAGE_SIZE + " resources in one page, the page holds " + meta.entries()));
        }
        if (out.size() > withinLimits) {
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

    private static void required(List<Violation> out, String field, Long value, String reason) {
        if (value == null) {
            out.add(new Violation(field, reason));
        }
    }
}
