package no.fint.platform.render;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonScanTest {

    /** The plain definition: byte by byte, a backslash escapes the next byte. */
    private static int reference(byte[] b, int i, int end) {
        for (int j = i + 1; j < end; j++) {
            if (b[j] == '\\') {
                j++;
            } else if (b[j] == '"') {
                return j;
            }
        }
        return -1;
    }

    private static int stringEndOrMinusOne(byte[] b, int i, int end) {
        try {
            return JsonScan.stringEnd(b, i, end);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    @Test
    void findsTheClosingQuoteLikeTheByteByByteDefinitionOnRandomInput() {
        // Quotes, backslashes, bytes one off from them, UTF-8 bytes and 0x00/0x80/0xFF, at every offset
        // relative to the 8-byte words, with strings shorter and longer than a word.
        byte[] alphabet = {'a', 'a', 'a', 'a', '"', '\\', '!', '#', '[', ']', 0, (byte) 0x80, (byte) 0xC3, (byte) 0xA5, (byte) 0xFF, (byte) 0xA2, (byte) 0xDC};
        Random random = new Random(7);
        for (int n = 0; n < 200_000; n++) {
            int length = 1 + random.nextInt(40);
            byte[] b = new byte[length + 3];
            for (int k = 0; k < b.length; k++) {
                b[k] = alphabet[random.nextInt(alphabet.length)];
            }
            int i = random.nextInt(3);
            b[i] = '"';
            int end = i + 1 + random.nextInt(b.length - i);
            assertEquals(reference(b, i, end), stringEndOrMinusOne(b, i, end), () -> "at " + i + " to " + end + " in " + java.util.Arrays.toString(b));
        }
    }

    @Test
    void escapedQuotesAndBackslashesAcrossWordBoundaries() {
        String json = "\"abcdefg\\\"hijklmno\\\\\" tail";
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        assertEquals(json.indexOf("\" tail"), JsonScan.stringEnd(b, 0, b.length));
        byte[] norsk = "\"Bjørnstjerne Bjørnson, Ålesund\",".getBytes(StandardCharsets.UTF_8);
        assertEquals(norsk.length - 2, JsonScan.stringEnd(norsk, 0, norsk.length));
    }

    @Test
    void anUnterminatedStringOrAMissingQuoteIsMalformed() {
        byte[] open = "\"abcdefghijklmnop\\\"".getBytes(StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> JsonScan.stringEnd(open, 0, open.length));
        byte[] trailingEscape = "\"abcdefgh\\".getBytes(StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> JsonScan.stringEnd(trailingEscape, 0, trailingEscape.length));
        byte[] notAString = "abc\"".getBytes(StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> JsonScan.stringEnd(notAString, 0, notAString.length));
        // the end bound is respected: a quote past it does not count
        byte[] bounded = "\"abcdefghijk\"".getBytes(StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> JsonScan.stringEnd(bounded, 0, bounded.length - 1));
    }
}
