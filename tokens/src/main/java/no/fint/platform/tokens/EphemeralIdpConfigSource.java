package no.fint.platform.tokens;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * Points a service under test ({@code @HelidonTest}) at the {@link EphemeralIdp} of the test JVM.
 * Registered only in the services' test resources
 * ({@code META-INF/services/org.eclipse.microprofile.config.spi.ConfigSource}); above the service's
 * own properties, below system properties.
 */
public final class EphemeralIdpConfigSource implements ConfigSource {

    @Override
    public Set<String> getPropertyNames() {
        return EphemeralIdp.shared().serviceConfig().keySet();
    }

    @Override
    public Map<String, String> getProperties() {
        return EphemeralIdp.shared().serviceConfig();
    }

    @Override
    public String getValue(String name) {
        return EphemeralIdp.shared().serviceConfig().get(name);
    }

    @Override
    public String getName() {
        return "fint-ephemeral-idp";
    }

    @Override
    public int getOrdinal() {
        return 200;
    }
}
