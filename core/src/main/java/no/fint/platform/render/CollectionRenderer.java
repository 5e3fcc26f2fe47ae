package no.fint.platform.render;

/**
 * The v1 collection envelope ({@code AbstractCollectionResources} + {@code FintLinker.addPagination}):
 * keys {@code _embedded, _links, total_items, offset, size}; {@code self} with a trailing slash, and
 * when paged ({@code size > 0}) {@code ?offset=..&size=..} plus {@code prev} (offset > 0) and
 * {@code next} (offset + size < total_items, in int arithmetic as v1 computed it).
 */
public final class CollectionRenderer {

    private static final byte[] HEAD = JsonScan.key("{\"_embedded\":{\"_entries\":[");

    private CollectionRenderer() {
    }

    /** Writes everything before the first entry. */
    public static void head(ByteSink out) {
        out.write(HEAD);
    }

    /**
     * Writes everything after the last entry.
     *
     * @param selfUrl    the collection URL with its trailing slash, e.g. {@code https://api.felleskomponent.no/utdanning/elev/elev/}
     * @param totalItems the class total (v1 writes {@code max(totalItems, count)})
     * @param offset     the requested offset, echoed
     * @param size       the requested size ({@code > 0} means paged)
     * @param count      the number of entries written
     */
    public static void tail(ByteSink out, String selfUrl, int totalItems, int offset, int size, int count) {
        out.ascii("]},\"_links\":{\"self\":[{\"href\":");
        if (size > 0) {
            out.jsonString(selfUrl + "?offset=" + offset + "&size=" + size);
            out.ascii("}]");
            if (offset > 0) {
                out.ascii(",\"prev\":[{\"href\":").jsonString(selfUrl + "?offset=" + Math.max(0, offset - size) + "&size=" + size).ascii("}]");
            }
            if (offset + size < totalItems) {
                out.ascii(",\"next\":[{\"href\":").jsonString(selfUrl + "?offset=" + (offset + size) + "&size=" + size).ascii("}]");
            }
        } else {
            out.jsonString(selfUrl);
            out.ascii("}]");
        }
        out.ascii("},\"total_items\":").number(Math.max(totalItems, count))
                .ascii(",\"offset\":").number(offset)
                .ascii(",\"size\":").number(count)
                .write('}');
    }
}
