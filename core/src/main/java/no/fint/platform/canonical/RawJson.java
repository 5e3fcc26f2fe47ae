package no.fint.platform.canonical;

import no.fint.platform.model.ResourceType;

/**
 * A JSON value as bytes inside a larger buffer (a resource inside a page body), so it can be read
 * by a streaming parser without being copied or turned into a tree first. When the page reader
 * already ran the fast path on its one pass over the body ({@link Canonicalizer#streamInPlace}),
 * {@code streamedAs} is the resource type it ran for and {@code streamed} its outcome (null: the
 * tree walk decides). Without it (or for another type) the bytes are canonicalised as usual.
 */
public record RawJson(byte[] bytes, int offset, int length, ResourceType streamedAs, Canonicalizer.Streamed streamed) {

    public RawJson(byte[] bytes, int offset, int length) {
        this(bytes, offset, length, null, null);
    }

    /** True when the page reader already ran the fast path for {@code type} ({@link #streamed} is its outcome). */
    public boolean streamedFor(ResourceType type) {
        return streamedAs != null && streamedAs.equals(type);
    }
}
