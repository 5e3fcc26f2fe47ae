package no.fint.platform.write;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * v1's {@code EventResponse} body: keys {@code message, statusCode, responseStatus, problems} in this
 * order, nulls left out; each problem {@code field, message, code}, nulls left out. An empty problem
 * list is written as {@code []} (the adapter sent one), a missing one not at all.
 */
public final class EventResponses {

    private static final JsonFactory JSON = new JsonFactory();

    private EventResponses() {
    }

    public static byte[] body(String message, String statusCode, String responseStatus, List<Problem> problems) {
        ByteArrayBuilder out = new ByteArrayBuilder(128);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            field(g, "message", message);
            field(g, "statusCode", statusCode);
            field(g, "responseStatus", responseStatus);
            if (problems != null) {
                g.writeArrayFieldStart("problems");
                for (Problem p : problems) {
                    g.writeStartObject();
                    field(g, "field", p.field());
                    field(g, "message", p.message());
                    field(g, "code", p.code());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The body of an adapter's answer. */
    public static byte[] of(WriteAnswer a) {
        return body(a.message(), a.statusCode(), a.status().name(), a.problems());
    }

    /** What a client gets for a request nobody answered in time (FINT v1's provider janitor). */
    public static byte[] expired() {
        return body("Event expired", "EXPIRED", ResponseStatus.ERROR.name(), null);
    }

    private static void field(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }
}
