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

    /** A copy with the page fields filled in (a delta or delete page that sent none is page 1 of 1). */
    public PageMeta withDefaults() {
        if (type != SyncType.FULL && page == null && totalPages == null && totalSize == null) {
            return new PageMeta(corrId, orgId, adapterId, resource, type, (long) entries, 1L,
                    pageSize == null ? null : pageSize, 1L, entries);
        }
        return this;
    }
}
