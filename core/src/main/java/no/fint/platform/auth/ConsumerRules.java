package no.fint.platform.auth;

import no.fint.platform.model.Component;

/**
 * Who may read what from a consumer (client tokens). A consumer serves one organisation; it checks the
 * token itself (no ingress header decides): a client token naming that organisation, with the
 * component's client role. The reasons never say whether the data exists.
 */
public final class ConsumerRules {

    private ConsumerRules() {
    }

    /** Every consumer endpoint under a component. */
    public static Access read(FintPrincipal p, String servedOrg, Component component) {
        return clientOf(p, servedOrg).and(() -> {
            if (p.hasRole(PrincipalKind.CLIENT, component)) {
                return Access.ALLOWED;
            }
            return Access.forbidden("the token has no role " + new Role(PrincipalKind.CLIENT, component).text());
        });
    }

    /** A client token naming the served organisation (endpoints not tied to one component). */
    public static Access clientOf(FintPrincipal p, String servedOrg) {
        if (p.kind() != PrincipalKind.CLIENT) {
            return Access.forbidden("the consumer API takes client tokens (scope " + PrincipalKind.CLIENT.scope() + ")");
        }
        if (!p.hasOrg(servedOrg)) {
            return Access.forbidden("the token is not valid for this organisation");
        }
        return Access.ALLOWED;
    }
}
