package no.fint.platform.relations;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The value of a relation record: {@code {"href":"<source self path>"}}; null (a tombstone) when gone. */
public final class EdgeValue {

    private static final JsonFactory JSON = new JsonFactory();

    private EdgeValue() {
    }

    private static final byte[] PREFIX = "{\"href\":\"".getBytes(StandardCharsets.UTF_8);

    /** The href of a value exactly as {@link #encode} writes it without escapes, else null. */
    private static String plain(byte[] v) {
        int n = v.length;
        if (n < PREFIX.length + 2 || v[n - 1] != '}' || v[n - 2] != '"') {
            return null;
        }
        for (int i = 0; i < PREFIX.length; i++) {
            if (v[i] != PREFIX[i]) {
                return null;
            }
        }
        for (int i = PREFIX.length; i < n - 2; i++) {
            if (v[i] == '\\' || v[i] == '"' || (v[i] >= 0 && v[i] < 0x20)) {
                return null;
            }
        }
        return new String(v, PREFIX.length, n - 2 - PREFIX.length, StandardCharsets.UTF_8);
    }

    public static byte[] encode(String href) {
        StringBuilder b = new StringBuilder(href.length() + 12).append("{\"href\":\"");
        JsonStringEncoder.getInstance().quoteAsString(href, b);
        return b.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The href of a relation record value.
     *
     * @throws IllegalArgumentException when the value is not an object with a string {@code href}
     */
    public static String decode(byte[] value) {
        String fast = plain(value);
        if (fast != null) {
            return fast;
        }
        try (JsonParser p = JSON.createParser(value)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("An edge value is a JSON object");
            }
            String href = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if ("href".equals(name) && t == JsonToken.VALUE_STRING) {
                    href = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            if (href == null) {
                throw new IllegalArgumentException("An edge value has an href");
            }
            return href;
        } catch (IOException e) {
            throw new IllegalArgumentException("Unreadable edge value: " + e.getMessage(), e);
        }
    }
}
