package no.fint.platform.auth;

import no.fint.platform.model.Component;

import java.security.Principal;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who called, from a validated token: the one principal type every service uses.
 *
 * @param username the token's {@code cn} (e.g. {@code vigo@adapter.rogfk.no})
 * @param kind     ADAPTER or CLIENT from the token's {@code scope}; null when the scope names neither
 *                 or both (such a token has no right anywhere)
 * @param orgs     the organisations of {@code fintAssetIDs}, normalised ({@code rogfk-no} is {@code rogfk.no}), in token order
 * @param roles    the FINT component roles of {@code Roles}
 * @param scopes   every scope of the token
 */
public record FintPrincipal(String username, PrincipalKind kind, Set<String> orgs, Set<Role> roles, Set<String> scopes)
        implements Principal {

    public FintPrincipal {
        orgs = Collections.unmodifiableSet(new LinkedHashSet<>(orgs));
        roles = Collections.unmodifiableSet(new LinkedHashSet<>(roles));
        scopes = Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
    }

    @Override
    public String getName() {
        return username;
    }

    public boolean hasOrg(String orgId) {
        return orgId != null && orgs.contains(orgId);
    }

    /** True when the token is of {@code kind} and holds that kind's role for {@code component}. */
    public boolean hasRole(PrincipalKind kind, Component component) {
        return this.kind == kind && roles.contains(new Role(kind, component));
    }

    /** The components this principal's kind holds roles for, sorted. */
    public Set<Component> components() {
        Set<Component> out = new TreeSet<>();
        for (Role r : roles) {
            if (r.kind() == kind) {
                out.add(r.component());
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return (kind == null ? "token" : kind.lowerName()) + " " + username + " " + orgs + " " + roles;
    }
}
