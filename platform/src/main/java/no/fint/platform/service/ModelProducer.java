package no.fint.platform.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import no.fint.platform.model.InformationModel;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The information model version a service runs with ({@code fint.model.version}, default 4.0.30). */
@ApplicationScoped
public class ModelProducer {

    @Produces
    @Singleton
    InformationModel model(@ConfigProperty(name = "fint.model.version", defaultValue = InformationModel.DEFAULT_VERSION) String version) {
        return InformationModel.load(version);
    }
}
