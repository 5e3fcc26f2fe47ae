package no.fint.platform.canonical;

/**
 * A JSON value as bytes inside a larger buffer (a resource inside a page body), so it can be read
 * by a streaming parser without being copied or turned into a tree first.
 */
public record RawJson(byte[] bytes, int offset, int length) {
}
