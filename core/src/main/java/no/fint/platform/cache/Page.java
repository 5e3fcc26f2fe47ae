package no.fint.platform.cache;

import no.fint.platform.render.ByteSink;
import no.fint.platform.render.CollectionRenderer;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * One collection answer, its entries fixed when it was selected; written as v1 bytes by
 * concatenating the rendered resources into the envelope.
 */
public final class Page {

    private static final int FLUSH_AT = 64 * 1024;

    private final ResourceStore store;
    private final List<Version> entries;
    private final int totalItems;
    private final int offset;
    private final int size;

    Page(ResourceStore store, List<Version> entries, int totalItems, int offset, int size) {
        this.store = store;
        this.entries = entries;
        this.totalItems = totalItems;
        this.offset = offset;
        this.size = size;
    }

    public int count() {
        return entries.size();
    }

    public int totalItems() {
        return totalItems;
    }

    /** Streams the page, flushing to {@code out} in chunks. */
    public void writeTo(OutputStream out) throws IOException {
        ByteSink sink = new ByteSink(Math.min(FLUSH_AT * 2, 4096 + entries.size() * 1024));
        CollectionRenderer.head(sink);
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                sink.write(',');
            }
            store.render(entries.get(i), sink);
            if (sink.size() >= FLUSH_AT) {
                sink.writeTo(out);
                sink.reset();
            }
        }
        CollectionRenderer.tail(sink, store.collectionUrl(), totalItems, offset, size, entries.size());
        sink.writeTo(out);
    }

    /** The whole page as bytes. */
    public byte[] toBytes() {
        long estimate = 4096;
        for (Version v : entries) {
            estimate += v.json.length + 400;
        }
        ByteSink sink = new ByteSink((int) Math.min(estimate, 64L * 1024 * 1024));
        CollectionRenderer.head(sink);
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                sink.write(',');
            }
            store.render(entries.get(i), sink);
        }
        CollectionRenderer.tail(sink, store.collectionUrl(), totalItems, offset, size, entries.size());
        return sink.toByteArray();
    }
}
