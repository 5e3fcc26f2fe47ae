package no.fint.platform.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import no.fint.platform.cache.OrgCache;
import no.fint.platform.model.InformationModel;

/** The one organisation cache of this process. */
@ApplicationScoped
public class CacheProducer {

    @Produces
    @Singleton
    OrgCache cache(ConsumerSettings settings, InformationModel model) {
        return new OrgCache(model, settings.orgId(), settings.components(), settings.baseUrl(), System::currentTimeMillis);
    }
}
