package no.fint.platform.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import no.fint.platform.api.consumer.model.WriteBody;
import no.fint.platform.service.Json;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;

/**
 * Reads a client's write body as the JSON tree it was sent as (numbers, key order and duplicates
 * untouched for the model checks), at most {@code fint.consumer.write.max-body-bytes} (also when it
 * comes without a length). What cannot be read is not thrown here but carried to the write endpoint
 * ({@link ClientBody#problem()}), which answers it as v1's Spring did.
 */
@Provider
@ApplicationScoped
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class WriteBodyReader implements MessageBodyReader<WriteBody> {

    private WriteConfig config;

    /** For CDI. */
    protected WriteBodyReader() {
    }

    @Inject
    public WriteBodyReader(WriteConfig config) {
        this.config = config;
    }

    /** A write body: the tree, or why there is none (then {@link #tree()} is null). */
    public static final class ClientBody extends WriteBody {
        private final transient JsonNode tree;
        private final transient Problem problem;

        ClientBody(JsonNode tree, Problem problem) {
            this.tree = tree;
            this.problem = problem;
        }

        public JsonNode tree() {
            return tree;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** Why a body could not be read: too large (413) or not JSON (400), with Spring's message. */
    public record Problem(int status, String message) {
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == WriteBody.class;
    }

    @Override
    public WriteBody readFrom(Class<WriteBody> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                              MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        long limit = config.maxBodyBytes();
        byte[] buf = new byte[8192];
        int n = 0;
        while (true) {
            if (n == buf.length) {
                if (buf.length > limit) {
                    return new ClientBody(null, new Problem(413, null));
                }
                buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, limit + 1));
            }
            int r = entity.read(buf, n, buf.length - n);
            if (r < 0) {
                break;
            }
            n += r;
            if (n > limit) {
                return new ClientBody(null, new Problem(413, null));
            }
        }
        if (n == 0) {
            return new ClientBody(null, new Problem(400, "Required request body is missing"));
        }
        try {
            JsonNode tree = Json.mapper().readTree(buf, 0, n);
            return new ClientBody(tree, null);
        } catch (JsonProcessingException e) {
            return new ClientBody(null, new Problem(400, "Could not read document: " + e.getOriginalMessage()));
        }
    }
}
