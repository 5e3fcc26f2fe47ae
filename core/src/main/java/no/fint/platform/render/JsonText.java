package no.fint.platform.render;

import java.nio.charset.StandardCharsets;

/**
 * JSON string escaping and unescaping, byte for byte as Jackson does it (the mapper v1 used):
 * {@code "} and {@code \} escaped, control characters as {@code \b \t \n \f \r} or {@code \\}{@code u00XX}
 * (upper-case hex), everything else (including {@code /} and non-ASCII) written as UTF-8.
 */
public final class JsonText {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private JsonText() {
    }

    /** Appends the escaped content of {@code s} (no quotes). */
    public static void escapeInto(String s, ByteSink out) {
        escapeInto(s, s.length(), out);
    }

    /** Appends the escaped content of {@code s} up to the first {@code stop} character (or all of it). */
    public static void escapeInto(String s, char stop, ByteSink out) {
        int e = s.indexOf(stop);
        escapeInto(s, e < 0 ? s.length() : e, out);
    }

    private static void escapeInto(String s, int n, ByteSink out) {
        // Most values need no escaping: copy the plain ASCII run in one go.
        int plain = 0;
        while (plain < n) {
            char c = s.charAt(plain);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                break;
            }
            plain++;
        }
        out.ascii(s, 0, plain);
        int i = plain;
        while (i < n) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                // A run of non-ASCII characters: let the JDK encode it (surrogate pairs included).
                int j = i + 1;
                while (j < n && s.charAt(j) >= 0x80) {
                    j++;
                }
                out.write(s.substring(i, j).getBytes(StandardCharsets.UTF_8));
                i = j;
                continue;
            }
            if (c == '"' || c == '\\') {
                out.write('\\').write(c);
            } else if (c < 0x20) {
                switch (c) {
                    case '\b' -> out.write('\\').write('b');
                    case '\t' -> out.write('\\').write('t');
                    case '\n' -> out.write('\\').write('n');
                    case '\f' -> out.write('\\').write('f');
                    case '\r' -> out.write('\\').write('r');
                    default -> out.write('\\').write('u').write('0').write('0').write(HEX[c >> 4]).write(HEX[c & 0xF]);
                }
            } else {
                out.write(c);
            }
            i++;
        }
    }

    /** {@code s} as a JSON string literal, quotes included. */
    public static String quote(String s) {
        ByteSink b = new ByteSink(s.length() + 8);
        b.jsonString(s);
        return b.toString();
    }

    /**
     * Decodes the content of a JSON string literal: the bytes between (not including) its quotes.
     *
     * @throws IllegalArgumentException on a malformed escape
     */
    public static String decode(byte[] json, int start, int end) {
        int i = start;
        while (i < end && json[i] != '\\') {
            i++;
        }
        if (i == end) {
            return new String(json, start, end - start, StandardCharsets.UTF_8);
        }
        StringBuilder b = new StringBuilder(end - start);
        b.append(new String(json, start, i - start, StandardCharsets.UTF_8));
        int runStart = -1;
        while (i < end) {
            byte c = json[i];
            if (c != '\\') {
                if (runStart < 0) {
                    runStart = i;
                }
                i++;
                continue;
            }
            if (runStart >= 0) {
                b.append(new String(json, runStart, i - runStart, StandardCharsets.UTF_8));
                runStart = -1;
            }
            if (i + 1 >= end) {
                throw new IllegalArgumentException("Dangling escape in JSON string");
            }
            byte e = json[i + 1];
            switch (e) {
                case '"' -> b.append('"');
                case '\\' -> b.append('\\');
                case '/' -> b.append('/');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (i + 6 > end) {
                        throw new IllegalArgumentException("Short \\u escape in JSON string");
                    }
                    b.append((char) Integer.parseInt(new String(json, i + 2, 4, StandardCharsets.US_ASCII), 16));
                    i += 4;
                }
                default -> throw new IllegalArgumentException("Bad escape \\" + (char) e + " in JSON string");
            }
            i += 2;
        }
        if (runStart >= 0) {
            b.append(new String(json, runStart, end - runStart, StandardCharsets.UTF_8));
        }
        return b.toString();
    }
}
