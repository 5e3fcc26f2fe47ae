package no.fint.platform.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import no.fint.platform.api.provider.model.AdapterContract;
import no.fint.platform.api.provider.model.AdapterHeartbeat;

/**
 * Reads contract and heartbeat bodies the way sync pages ({@link SyncPageReader}) and event answers
 * ({@link ResponseEventReader}) are read: at most {@code fint.provider.max-body-bytes} (413 above, also
 * without a length), with the platform's mapper ({@link BodyReader}), so a fraction where a whole
 * number belongs is refused and a property the schema does not name is ignored. Jersey's own Jackson
 * provider, which read them before, brings a mapper of its own: it took 1.5 days as 1 and refused
 * unknown properties, unlike every other body of the provider API and unlike v2.
 */
public final class AdapterBodyReaders {

    private AdapterBodyReaders() {
    }

    /** {@code POST /provider/register}. */
    @Provider
    @ApplicationScoped
    @Consumes(MediaType.APPLICATION_JSON)
    public static class ContractReader extends BodyReader<AdapterContract> {

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
    public static class HeartbeatReader extends BodyReader<AdapterHeartbeat> {

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
