package no.fint.platform.demo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal JSON writer straight into a reusable UTF-8 byte buffer: the generator writes each resource
 * by hand, in model order, far faster than building a tree or encoding a String at the end. Commas are
 * placed by a single "a value was written" flag.
 */
final class JsonOut {

    private byte[] buf = new byte[2048];
    private int len;
    private boolean comma;

    JsonOut reset() {
        len = 0;
        comma = false;
        return this;
    }

    byte[] bytes() {
        return Arrays.copyOf(buf, len);
    }

    @Override
    public String toString() {
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    private void put(char ascii) {
        ensure(1);
        buf[len++] = (byte) ascii;
    }

    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    private void sep() {
        if (comma) {
            put(',');
        }
    }

    JsonOut begin() {
        sep();
        put('{');
        comma = false;
        return this;
    }

    JsonOut end() {
        put('}');
        comma = true;
        return this;
    }

    JsonOut beginArray() {
        sep();
        put('[');
        comma = false;
        return this;
    }

    JsonOut endArray() {
        put(']');
        comma = true;
        return this;
    }

    /** Writes a key (plain ASCII, as every model name is); the next value follows without a comma. */
    JsonOut name(String name) {
        sep();
        put('"');
        ascii(name);
        put('"');
        put(':');
        comma = false;
        return this;
    }

    JsonOut str(String value) {
        sep();
        if (value == null) {
            ascii("null");
        } else {
            quote(value);
        }
        comma = true;
        return this;
    }

    JsonOut num(long value) {
        sep();
        ascii(Long.toString(value));
        comma = true;
        return this;
    }

    JsonOut bool(boolean value) {
        sep();
        ascii(value ? "true" : "false");
        comma = true;
        return this;
    }

    JsonOut nul() {
        sep();
        ascii("null");
        comma = true;
        return this;
    }

    JsonOut field(String name, String value) {
        return name(name).str(value);
    }

    JsonOut field(String name, long value) {
        return name(name).num(value);
    }

    JsonOut field(String name, boolean value) {
        return name(name).bool(value);
    }

    /** {@code "name":{"identifikatorverdi":"value"}}. */
    JsonOut identifikator(String name, String value) {
        name(name).begin();
        field("identifikatorverdi", value);
        return end();
    }

    /** One {@code {"href":"..."}} inside a relation's array. */
    JsonOut href(String href) {
        begin();
        field("href", href);
        return end();
    }

    /** {@code "relation":[{"href":"${type}/field/value"}]}: one link. */
    JsonOut link(String relation, String type, String field, String value) {
        name(relation).beginArray();
        href(Links.placeholder(type, field, value));
        return endArray();
    }

    /** A quoted, escaped string, encoded as UTF-8. */
    private void quote(String s) {
        int n = s.length();
        ensure(n * 3 + 2);
        buf[len++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c == '"' || c == '\\') {
                    buf[len++] = '\\';
                    buf[len++] = (byte) c;
                } else if (c < 0x20) {
                    byte[] esc = String.format("\\u%04x", (int) c).getBytes(StandardCharsets.US_ASCII);
                    ensure(esc.length + (n - i) * 3 + 1);
                    System.arraycopy(esc, 0, buf, len, esc.length);
                    len += esc.length;
                } else {
                    buf[len++] = (byte) c;
                }
            } else if (c < 0x800) {
                buf[len++] = (byte) (0xC0 | c >> 6);
                buf[len++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[len++] = (byte) (0xF0 | cp >> 18);
                buf[len++] = (byte) (0x80 | cp >> 12 & 0x3F);
                buf[len++] = (byte) (0x80 | cp >> 6 & 0x3F);
                buf[len++] = (byte) (0x80 | cp & 0x3F);
            } else {
                buf[len++] = (byte) (0xE0 | c >> 12);
                buf[len++] = (byte) (0x80 | c >> 6 & 0x3F);
                buf[len++] = (byte) (0x80 | c & 0x3F);
            }
        }
        buf[len++] = '"';
    }
}
