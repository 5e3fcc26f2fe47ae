package no.fint.platform.render;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The envelope bytes of §2.2 (empty collection verified there; paged example's links). */
class CollectionRendererTest {

    static final String SELF = "https://beta.felleskomponent.no/utdanning/elev/elev/";

    static String envelope(String entries, int total, int offset, int size, int count) {
        ByteSink out = new ByteSink();
        CollectionRenderer.head(out);
        out.ascii(entries);
        CollectionRenderer.tail(out, SELF, total, offset, size, count);
        return out.toString();
    }

    @Test
    void emptyCollectionByteExact() {
        assertEquals("{\"_embedded\":{\"_entries\":[]},\"_links\":{\"self\":[{\"href\":\"https://beta.felleskomponent.no/utdanning/elev/elev/\"}]},\"total_items\":0,\"offset\":0,\"size\":0}",
                envelope("", 0, 0, 0, 0));
    }

    @Test
    void pagedSelfPrevNext() {
        assertEquals("{\"_embedded\":{\"_entries\":[{},{}]},\"_links\":{\"self\":[{\"href\":\"https://beta.felleskomponent.no/utdanning/elev/elev/?offset=2&size=2\"}],"
                        + "\"prev\":[{\"href\":\"https://beta.felleskomponent.no/utdanning/elev/elev/?offset=0&size=2\"}],"
                        + "\"next\":[{\"href\":\"https://beta.felleskomponent.no/utdanning/elev/elev/?offset=4&size=2\"}]},\"total_items\":5,\"offset\":2,\"size\":2}",
                envelope("{},{}", 5, 2, 2, 2));
    }

    @Test
    void firstAndLastPage() {
        assertEquals("{\"_embedded\":{\"_entries\":[{}]},\"_links\":{\"self\":[{\"href\":\"" + SELF + "?offset=0&size=1\"}],"
                + "\"next\":[{\"href\":\"" + SELF + "?offset=1&size=1\"}]},\"total_items\":2,\"offset\":0,\"size\":1}", envelope("{}", 2, 0, 1, 1));
        assertEquals("{\"_embedded\":{\"_entries\":[{}]},\"_links\":{\"self\":[{\"href\":\"" + SELF + "?offset=1&size=1\"}],"
                + "\"prev\":[{\"href\":\"" + SELF + "?offset=0&size=1\"}]},\"total_items\":2,\"offset\":1,\"size\":1}", envelope("{}", 2, 1, 1, 1));
    }

    @Test
    void offsetIsEchoedWithoutSizeAndPrevNeverGoesBelowZero() {
        assertEquals("{\"_embedded\":{\"_entries\":[{}]},\"_links\":{\"self\":[{\"href\":\"" + SELF + "\"}]},\"total_items\":1,\"offset\":7,\"size\":1}",
                envelope("{}", 1, 7, 0, 1));
        assertEquals("{\"_embedded\":{\"_entries\":[]},\"_links\":{\"self\":[{\"href\":\"" + SELF + "?offset=3&size=10\"}],"
                + "\"prev\":[{\"href\":\"" + SELF + "?offset=0&size=10\"}]},\"total_items\":3,\"offset\":3,\"size\":0}", envelope("", 3, 3, 10, 0));
    }

    @Test
    void totalItemsIsAtLeastTheEntryCount() {
        assertEquals("{\"_embedded\":{\"_entries\":[{}]},\"_links\":{\"self\":[{\"href\":\"" + SELF + "\"}]},\"total_items\":1,\"offset\":0,\"size\":1}",
                envelope("{}", 0, 0, 0, 1));
    }
}
