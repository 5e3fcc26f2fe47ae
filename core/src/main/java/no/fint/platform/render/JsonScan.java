package no.fint.platform.render;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A minimal forward scanner over JSON bytes: finds value boundaries and walks object members
 * without building a tree. The consumer keeps resources as bytes and only needs positions.
 * Whitespace is tolerated; malformed input raises {@link IllegalArgumentException}.
 */
public final class JsonScan {

    private JsonScan() {
    }

    public static int skipWs(byte[] b, int i, int end) {
        while (i < end) {
            byte c = b[i];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                break;
            }
            i++;
        }
        return i;
    }

    /** Reads 8 bytes at once, in the order they stand (the lowest byte first). */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = ONES * '"';
    private static final long BACKSLASHES = ONES * '\\';

    /**
     * Index of the closing quote of the string whose opening quote is at {@code i}. Looks at 8 bytes
     * at a time for a quote or a backslash (the rebuild of a cache spends a tenth of its reading time
     * here), then byte by byte near the end.
     */
    public static int stringEnd(byte[] b, int i, int end) {
        if (i >= end || b[i] != '"') {
            throw bad("string expected", i);
        }
        int j = i + 1;
        while (j < end) {
            if (j + Long.BYTES <= end) {
                long w = (long) LONGS.get(b, j);
                long hit = zeroBytes(w ^ QUOTES) | zeroBytes(w ^ BACKSLASHES);
                if (hit == 0) {
                    j += Long.BYTES;
                    continue;
                }
                // the lowest flagged byte is exact: a false flag can only sit above a true one
                j += Long.numberOfTrailingZeros(hit) >>> 3;
            }
            byte c = b[j];
            if (c == '"') {
                return j;
            }
            j += c == '\\' ? 2 : 1;
        }
        throw bad("unterminated string", i);
    }

    /** The high bit of every byte of {@code v} that is zero (and possibly of bytes above the first). */
    private static long zeroBytes(long v) {
        return (v - ONES) & ~v & HIGHS;
    }

    /** Index just after the value starting at {@code i} (leading whitespace allowed). */
    public static int skipValue(byte[] b, int i, int end) {
        i = skipWs(b, i, end);
        if (i >= end) {
            throw bad("value expected", i);
        }
        byte c = b[i];
        if (c == '"') {
            return stringEnd(b, i, end) + 1;
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            for (int j = i; j < end; j++) {
                byte x = b[j];
                if (x == '"') {
                    j = stringEnd(b, j, end);
                } else if (x == '{' || x == '[') {
                    depth++;
                } else if (x == '}' || x == ']') {
                    depth--;
                    if (depth == 0) {
                        return j + 1;
                    }
                }
            }
            throw bad("unterminated " + (c == '{' ? "object" : "array"), i);
        }
        int j = i;
        while (j < end) {
            byte x = b[j];
            if (x == ',' || x == '}' || x == ']' || x == ' ' || x == '\n' || x == '\r' || x == '\t') {
                break;
            }
            j++;
        }
        if (j == i) {
            throw bad("value expected", i);
        }
        return j;
    }

    static IllegalArgumentException bad(String what, int at) {
        return new IllegalArgumentException("Malformed JSON: " + what + " at byte " + at);
    }

    /** Walks the members of one object. */
    public static final class Members {
        private final byte[] b;
        private final int end;
        private int pos;
        private boolean first = true;
        private boolean done;
        /** Position of the member's key (its opening quote). */
        public int memberStart;
        /** Key content, without quotes. */
        public int keyStart;
        public int keyEnd;
        /** Value bounds, {@code valueEnd} exclusive. */
        public int valueStart;
        public int valueEnd;

        /** {@code objStart} is the index of the object's '{'. */
        public Members(byte[] b, int objStart, int end) {
            this.b = b;
            this.end = end;
            int i = skipWs(b, objStart, end);
            if (i >= end || b[i] != '{') {
                throw bad("object expected", i);
            }
            pos = i + 1;
        }

        /** Moves to the next member; false after the last one (then {@link #objectEnd()} is valid). */
        public boolean next() {
            if (done) {
                return false;
            }
            int i = skipWs(b, pos, end);
            if (!first) {
                if (i < end && b[i] == ',') {
                    i = skipWs(b, i + 1, end);
                } else if (i < end && b[i] == '}') {
                    pos = i;
                    done = true;
                    return false;
                } else {
                    throw bad("',' or '}' expected", i);
                }
            } else if (i < end && b[i] == '}') {
                pos = i;
                done = true;
                return false;
            }
            first = false;
            memberStart = i;
            int ke = stringEnd(b, i, end);
            keyStart = i + 1;
            keyEnd = ke;
            i = skipWs(b, ke + 1, end);
            if (i >= end || b[i] != ':') {
                throw bad("':' expected", i);
            }
            valueStart = skipWs(b, i + 1, end);
            valueEnd = skipValue(b, valueStart, end);
            pos = valueEnd;
            return true;
        }

        /** Index of the object's closing '}' (after {@link #next()} returned false). */
        public int objectEnd() {
            return pos;
        }

        public boolean keyIs(byte[] key) {
            int n = keyEnd - keyStart;
            if (n != key.length) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (b[keyStart + i] != key[i]) {
                    return false;
                }
            }
            return true;
        }

        public String key() {
            return JsonText.decode(b, keyStart, keyEnd);
        }

        public boolean valueIsString() {
            return b[valueStart] == '"';
        }

        public boolean valueIsObject() {
            return b[valueStart] == '{';
        }

        public boolean valueIsArray() {
            return b[valueStart] == '[';
        }

        /** The value as a string (null when it is not a JSON string). */
        public String stringValue() {
            return valueIsString() ? JsonText.decode(b, valueStart + 1, valueEnd - 1) : null;
        }
    }

    /** ASCII bytes of a key, for {@link Members#keyIs}. */
    public static byte[] key(String k) {
        return k.getBytes(StandardCharsets.UTF_8);
    }
}
