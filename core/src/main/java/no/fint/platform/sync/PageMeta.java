package no.fint.platform.sync;

/**
 * The metadata of one sync page as the adapter sent it (FINT v2's {@code SyncPageMetadata}), with
 * the resource it was sent for. Numbers are null when absent.
 *
 * @param corrId     ties the pages of one sync together
 * @param orgId      the organisation the data belongs to
 * @param adapterId  the adapter that sends it
 * @param resource   path of the resource type, e.g. {@code /utdanning/elev/elev} (from the URL)
 * @param type       from the HTTP verb
 * @param totalSize  resources in the whole sync
 * @param page       1-based page number
 * @param pageSize   resources per page (every page but the last is full)
 * @param totalPages pages in the whole sync
 * @param entries    resources in this page
 */
public record PageMeta(String corrId, String orgId, String adapterId, String resource, SyncType type,
                       Long totalSize, Long page, Long pageSize, Long totalPages, int entries) {

    /**
     * Most resources in one sync: ten times the platform's LARGE data set (about 1,000,000 resources
     * for a whole organisation), so a real full sync of one resource type stays far below it.
     */
    public static final long MAX_TOTAL_SIZE = 10_000_000;

    /** Most resources in one page (a 16 MiB body holds at most a few hundred thousand of the smallest). */
    public static final long MAX_PAGE_SIZE = 100_000;

    /**
     * Most pages in one sync. A session keeps a record per page received (about 100 bytes in memory
     * and one record in the session topic), so one sync stays below about 10 MB; the largest sync then
     * needs pages of 100 resources on average, where adapters send hundreds to thousands.
     */
    public static final long MAX_TOTAL_PAGES = 100_000;

    /** A copy with the page fields filled in (a delta or delete page that sent none is page 1 of 1). */
    public PageMeta withDefaults() {
        if (type != SyncType.FULL && page == null && totalPages == null && totalSize == null) {
            return new PageMeta(corrId, orgId, adapterId, resource, type, (long) entries, 1L,
                    pageSize == null ? null : pageSize, 1L, entries);
        }
        return this;
    }
}
