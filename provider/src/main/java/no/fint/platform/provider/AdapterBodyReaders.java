package no.fint.platform.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import no.fint.platform.api.provider.model.AdapterContract;
import no.fint.platform.api.provider.model.AdapterHeartbeat;
import no.fint.platform.service.Json;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads contract and heartbeat bodies the way sync pages ({@link SyncPageReader}) and event answers
 * ({@link ResponseEventReader}) are read: at most {@code fint.provider.max-body-bytes} (413 above, also
 * without a length), with the platform's mapper ({@link Json#mapper()}), so a fraction where a whole
 * number belongs is refused and a property the schema does not name is ignored. Jersey's own Jackson
 * provider, which read them before, brings a mapper of its own: it took 1.5 days as 1 and refused
 * unknown properties, unlike every other body of the provider API and unlike v2.
 */
public final class AdapterBodyReaders {

    private AdapterBodyReaders() {
    }

    /** One generated body class read whole with the platform's mapper. */
    abstract static class Reader<T> implements MessageBodyReader<T> {

        private final Class<T> type;
        private ProviderSettings settings;

        Reader(Class<T> type, ProviderSettings settings) {
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
            byte[] body = SyncPageReader.readBody(entity, headers, settings.maxBodyBytes());
            // An empty body or JSON null stays null: the generated interface's @NotNull answers it (400).
            return body.length == 0 ? null : Json.mapper().readValue(body, type);
        }
    }

    /** {@code POST /provider/register}. */
    @Provider
    @ApplicationScoped
    @Consumes(MediaType.APPLICATION_JSON)
    public static class ContractReader extends Reader<AdapterContract> {

        /** For CDI. */
        protected ContractReader() {
            super(AdapterContract.class, null);
        }

        @Inject
        public ContractReader(ProviderSettings settings) {
            super(AdapterContract.class, settings);
        }
    }

    /** {@code POST /provider/heartbeat}. */
    @Provider
    @ApplicationScoped
    @Consumes(MediaType.APPLICATION_JSON)
    public static class HeartbeatReader extends Reader<AdapterHeartbeat> {

        /** For CDI. */
        protected HeartbeatReader() {
            super(AdapterHeartbeat.class, null);
        }

        @Inject
        public HeartbeatReader(ProviderSettings settings) {
            super(AdapterHeartbeat.class, settings);
        }
    }
}
