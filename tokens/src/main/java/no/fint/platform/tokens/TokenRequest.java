package no.fint.platform.tokens;

import no.fint.platform.auth.PrincipalKind;
import no.fint.platform.auth.Role;
import no.fint.platform.model.Component;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a token says, in FINT's claims: {@code cn} = username, {@code fintAssetIDs} = the organisations
 * (comma separated), {@code scope} = [fint-adapter] or [fint-client], {@code Roles} = one
 * {@code FINT_Adapter_...}/{@code FINT_Client_...} role per component.
 */
public record TokenRequest(PrincipalKind kind, String username, List<String> orgs, List<Component> components,
                           String issuer, String audience, Duration validity) {

    public TokenRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(username, "username");
        orgs = List.copyOf(orgs);
        components = List.copyOf(components);
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(validity, "validity");
    }

    /** The default username of a kind for an organisation, as FINT names them: {@code demo@adapter.fint.no}. */
    public static String defaultUsername(PrincipalKind kind, String org) {
        return "demo@" + kind.lowerName() + "." + org;
    }

    public List<String> roles() {
        return components.stream().map(c -> new Role(kind, c).text()).toList();
    }

    public TokenRequest withUsername(String name) {
        return new TokenRequest(kind, name, orgs, components, issuer, audience, validity);
    }

    public TokenRequest withValidity(Duration d) {
        return new TokenRequest(kind, username, orgs, components, issuer, audience, d);
    }
}
