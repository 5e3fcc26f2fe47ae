package no.fint.platform.render;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding of one URL path segment ({@code +} stays {@code +}), for the consumer's v1 routes and
 * the identifier a provider page names by a self link.
 */
public final class PathSegments {

    private PathSegments() {
    }

    /**
     * {@code segment} percent-decoded as UTF-8; as it is when an escape is malformed. Decoded bytes that
     * are no UTF-8 become U+FFFD, or with {@code strictUtf8} leave the segment as it is.
     */
    public static String decode(String segment, boolean strictUtf8) {
        int pct = segment.indexOf('%');
        if (pct < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        bytes.writeBytes(segment.substring(0, pct).getBytes(StandardCharsets.UTF_8));
        for (int i = pct; i < segment.length(); ) {
            if (segment.charAt(i) == '%') {
                int hi = i + 2 < segment.length() ? Character.digit(segment.charAt(i + 1), 16) : -1;
                int lo = hi < 0 ? -1 : Character.digit(segment.charAt(i + 2), 16);
                if (lo < 0) {
                    return segment;
                }
                bytes.write(hi << 4 | lo);
                i += 3;
            } else {
                int next = segment.indexOf('%', i);
                int end = next < 0 ? segment.length() : next;
                bytes.writeBytes(segment.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        if (!strictUtf8) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return segment;
        }
    }
}
