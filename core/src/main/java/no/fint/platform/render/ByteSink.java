package no.fint.platform.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that the renderers write v1 bytes into. Not thread-safe; reuse one per
 * thread ({@link #reset()}) so serving a page does not allocate per resource.
 */
public final class ByteSink {

    private byte[] buf;
    private int size;

    public ByteSink() {
        this(1024);
    }

    public ByteSink(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    private void ensure(int extra) {
        int need = size + extra;
        if (need > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(need, buf.length * 2));
        }
    }

    public ByteSink write(int b) {
        ensure(1);
        buf[size++] = (byte) b;
        return this;
    }

    public ByteSink write(byte[] b) {
        return write(b, 0, b.length);
    }

    public ByteSink write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
        return this;
    }

    /** Writes a string of ASCII characters (one byte each). */
    public ByteSink ascii(String s) {
        return ascii(s, 0, s.length());
    }

    /** Writes the ASCII characters {@code s[from, to)} (one byte each). */
    @SuppressWarnings("deprecation") // the low-byte copy is exactly what ASCII needs, and fast
    public ByteSink ascii(String s, int from, int to) {
        int n = to - from;
        ensure(n);
        s.getBytes(from, to, buf, size);
        size += n;
        return this;
    }

    /** Writes a string as UTF-8. */
    public ByteSink utf8(String s) {
        return write(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a decimal number. */
    public ByteSink number(long n) {
        return ascii(Long.toString(n));
    }

    /** Writes {@code s} as a JSON string literal, quotes included, escaped as Jackson escapes it. */
    public ByteSink jsonString(String s) {
        write('"');
        JsonText.escapeInto(s, this);
        return write('"');
    }

    public int size() {
        return size;
    }

    /** Cuts the content back to its first {@code newSize} bytes. */
    public ByteSink truncate(int newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IllegalArgumentException("Cannot truncate " + size + " bytes to " + newSize);
        }
        size = newSize;
        return this;
    }

    /** Drops the content, keeps the capacity. */
    public ByteSink reset() {
        size = 0;
        return this;
    }

    /** Drops the content and, when the buffer grew past {@code maxKeep} bytes, a smaller buffer. */
    public ByteSink reset(int maxKeep) {
        size = 0;
        if (buf.length > maxKeep) {
            buf = new byte[Math.max(16, maxKeep)];
        }
        return this;
    }

    /** The backing array; valid up to {@link #size()}. */
    public byte[] array() {
        return buf;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, size);
    }

    /** True when the content equals {@code other}'s. */
    public boolean contentEquals(ByteSink other) {
        return Arrays.equals(buf, 0, size, other.buf, 0, other.size);
    }

    @Override
    public String toString() {
        return new String(buf, 0, size, StandardCharsets.UTF_8);
    }
}
