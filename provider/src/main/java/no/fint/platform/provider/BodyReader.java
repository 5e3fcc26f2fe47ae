package no.fint.platform.provider;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import no.fint.platform.service.Json;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * One generated body class read whole: at most {@code fint.provider.max-body-bytes} (413 above, also
 * without a length), then parsed with the platform's mapper ({@link Json#mapper()}), so every body of
 * the provider API follows the same rules. Sync pages have a streaming reader of their own
 * ({@link SyncPageReader}).
 */
abstract class BodyReader<T> implements MessageBodyReader<T> {

    private final Class<T> type;
    private final ProviderSettings settings;

    BodyReader(Class<T> type, ProviderSettings settings) {
        this.type = type;
        this.settings = settings;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == this.type;
    }

    @Override
    public T readFrom(Class<T> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                      MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        return parse(SyncPageReader.readBody(entity, headers, settings.maxBodyBytes()));
    }

    /** An empty body or JSON null stays null: the generated interface's @NotNull answers it (400). */
    T parse(byte[] body) throws IOException {
        return body.length == 0 ? null : Json.mapper().readValue(body, type);
    }
}
