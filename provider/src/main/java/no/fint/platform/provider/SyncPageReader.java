package no.fint.platform.provider;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import no.fint.platform.api.provider.model.SyncPage;
import no.fint.platform.api.provider.model.SyncPageEntry;
import no.fint.platform.api.provider.model.SyncPageMetadata;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import no.fint.platform.canonical.Canonicalizer;
import no.fint.platform.canonical.RawJson;
import no.fint.platform.canonical.check.KnownResourceCheck;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ResourceType;
import no.fint.platform.service.Json;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a SyncPage body: the whole body into memory (at most {@code fint.provider.max-body-bytes},
 * else 413), then one streaming pass over the envelope: the metadata into its generated class, each
 * {@code resource} object located ({@link RawJson}, no tree, no copy) and, on full and delta pages of
 * a resource the model knows, run through the canonicaliser's fast path on this same pass
 * ({@link Canonicalizer#streamInPlace}), so a page is tokenised once. Only the outcome is kept with
 * the entry; every decision (status, order of the checks, the problems listed) stays with
 * {@link SyncService}, which falls back to the bytes where the fast path did not finish.
 */
@Provider
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
public class SyncPageReader implements MessageBodyReader<SyncPage> {

    /** The shared mapper, without its trailing-token check: values are read from the middle of the stream here. */
    private static final ObjectMapper STREAM = Json.mapper().copy().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ProviderSettings settings;
    private KnownResourceCheck known;
    private Canonicalizer canonicalizer;

    @Context
    UriInfo uri;

    @Context
    Request request;

    /** For CDI. */
    protected SyncPageReader() {
    }

    @Inject
    public SyncPageReader(ProviderSettings settings, InformationModel model) {
        this.settings = settings;
        this.known = new KnownResourceCheck(model);
        this.canonicalizer = new Canonicalizer(model);
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == SyncPage.class;
    }

    @Override
    public SyncPage readFrom(Class<SyncPage> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                             MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        byte[] body = readBody(entity, headers, settings.maxBodyBytes());
        return read(body, streamedType());
    }

    /**
     * The resource type whose fast path runs while reading: the one the path names, for full and
     * delta pages (a delete page's resources are not read); null when unknown (then entries are only
     * located, and {@link SyncService} answers the unknown resource).
     */
    private ResourceType streamedType() {
        try {
            if (uri == null || request == null || HttpMethod.DELETE.equals(request.getMethod())) {
                return null;
            }
            MultivaluedMap<String, String> params = uri.getPathParameters();
            String pkg = params.getFirst("packageName");
            String sub = params.getFirst("subPackageName");
            return known.resolve(params.getFirst("domainName"), sub == null ? pkg : pkg + "." + sub, params.getFirst("resourceName"))
                    .orElse(null);
        } catch (RuntimeException e) {
            return null; // outside a matched request: read as before
        }
    }

    /** Reads a page body; with {@code type}, each resource also through the canonicaliser's fast path. */
    SyncPage read(byte[] body, ResourceType type) throws IOException {
        try (JsonParser p = STREAM.createParser(body)) {
            SyncPage page = new SyncPage();
            page.setResources(null); // absent unless the body has it (the generated default is an empty list)
            expect(p, p.nextToken(), JsonToken.START_OBJECT, "a SyncPage object");
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "metadata" -> page.setMetadata(value == JsonToken.VALUE_NULL ? null : metadata(p));
                    case "resources" -> page.setResources(value == JsonToken.VALUE_NULL ? null : entries(p, body, type));
                    case "syncType" -> {
                        if (value == JsonToken.VALUE_STRING) {
                            try {
                                page.setSyncType(SyncPage.SyncTypeEnum.fromValue(p.getText()));
                            } catch (IllegalArgumentException e) {
                                // informational only: the HTTP method decides the sync type
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw JsonMappingException.from(p, "Trailing content after the SyncPage object");
            }
            return page;
        }
    }

    /** The metadata object; a value of the wrong kind is named from the page ("metadata.page"), not from the metadata. */
    private static SyncPageMetadata metadata(JsonParser p) throws IOException {
        try {
            return p.readValueAs(SyncPageMetadata.class);
        } catch (JsonMappingException e) {
            throw JsonMappingException.wrapWithPath(e, SyncPage.class, "metadata");
        }
    }

    /** The body's bytes; refuses (413) as soon as it is longer than {@code limit}. */
    static byte[] readBody(InputStream in, MultivaluedMap<String, String> headers, long limit) throws IOException {
        String length = headers.getFirst("Content-Length");
        int size = 64 * 1024;
        if (length != null) {
            try {
                size = (int) Math.min(Math.max(Long.parseLong(length.trim()), 0), limit + 1);
            } catch (NumberFormatException e) {
                // read it to the end anyway
            }
        }
        Limited limited = new Limited(in, limit);
        byte[] buf = new byte[Math.max(size, 16)];
        int n = 0;
        while (true) {
            if (n == buf.length) {
                // Full: the declared length was right when the stream ends here (no larger copy of a page).
                int next = limited.read();
                if (next < 0) {
                    return buf;
                }
                buf = java.util.Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, limit + 1));
                buf[n++] = (byte) next;
                continue;
            }
            int r = limited.read(buf, n, buf.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return n == buf.length ? buf : java.util.Arrays.copyOf(buf, n);
    }

    private List<SyncPageEntry> entries(JsonParser p, byte[] body, ResourceType type) throws IOException {
        expect(p, p.currentToken(), JsonToken.START_ARRAY, "resources as an array");
        List<SyncPageEntry> out = new ArrayList<>(512);
        ByteArrayBuilder buffer = type == null ? null : new ByteArrayBuilder(2048);
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == JsonToken.VALUE_NULL) {
                out.add(new SyncPageEntry());
                continue;
            }
            expect(p, t, JsonToken.START_OBJECT, "each entry of resources as an object");
            SyncPageEntry e = new SyncPageEntry();
            for (JsonToken f = p.nextToken(); f == JsonToken.FIELD_NAME; f = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("identifier".equals(name)) {
                    if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                        e.setIdentifier(p.getText());
                    } else if (value != JsonToken.VALUE_NULL) {
                        throw JsonMappingException.from(p, "identifier must be a string");
                    }
                } else if ("resource".equals(name)) {
                    if (value == JsonToken.START_OBJECT) {
                        // Located, and canonicalised on the way when the type is known (the bytes stay for the tree walk).
                        int start = (int) p.currentTokenLocation().getByteOffset();
                        if (type == null) {
                            p.skipChildren();
                            int end = (int) p.currentLocation().getByteOffset();
                            e.setResource(new RawJson(body, start, end - start));
                        } else {
                            Canonicalizer.Streamed streamed = canonicalizer.streamInPlace(type, p, buffer);
                            int end = (int) p.currentLocation().getByteOffset();
                            e.setResource(new RawJson(body, start, end - start, type, streamed));
                        }
                    } else {
                        JsonNode tree = p.readValueAsTree();
                        e.setResource(tree == null || tree.isNull() ? null : tree);
                    }
                } else {
                    p.skipChildren();
                }
            }
            out.add(e);
        }
        return out;
    }

    private static void expect(JsonParser p, JsonToken got, JsonToken want, String what) throws IOException {
        if (got != want) {
            throw JsonMappingException.from(p, "Expected " + what);
        }
    }

    /** Counts bytes read; past the limit the request is refused with 413. */
    static final class Limited extends FilterInputStream {
        private final long limit;
        private long count;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) {
            count += n;
            if (count > limit) {
                throw new WebApplicationException("The body is larger than " + limit + " bytes (fint.provider.max-body-bytes)",
                        Response.Status.REQUEST_ENTITY_TOO_LARGE);
            }
        }
    }
}
