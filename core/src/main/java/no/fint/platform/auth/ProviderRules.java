package no.fint.platform.auth;

import no.fint.platform.adapter.Contract;
import no.fint.platform.model.Component;

import java.util.Collection;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Who may do what on the provider API (adapter tokens). Every rule is a pure function of the
 * principal and what the request names; the provider applies them before it reads or writes anything.
 * Whatever belongs to an organisation the token does not name is answered as if it did not exist.
 */
public final class ProviderRules {

    private ProviderRules() {
    }

    /** Every provider endpoint: the token is an adapter's ({@code scope} fint-adapter). */
    public static Access adapterToken(FintPrincipal p) {
        if (p.kind() == PrincipalKind.ADAPTER) {
            return Access.ALLOWED;
        }
        return Access.forbidden("the provider API takes adapter tokens (scope " + PrincipalKind.ADAPTER.scope()
                + "); this token's scope is " + p.scopes());
    }

    /** The organisation a body names is one of the token's. */
    public static Access organisation(FintPrincipal p, String orgId) {
        if (p.hasOrg(orgId)) {
            return Access.ALLOWED;
        }
        return Access.forbidden("organisation " + orgId + " is not one of the token's organisations " + p.orgs());
    }

    /** The token holds the adapter role of the component ({@code FINT_Adapter_utdanning_elev}). */
    public static Access component(FintPrincipal p, Component component) {
        if (p.hasRole(PrincipalKind.ADAPTER, component)) {
            return Access.ALLOWED;
        }
        return Access.forbidden("the token has no role " + new Role(PrincipalKind.ADAPTER, component).text()
                + " (it has " + p.components() + ")");
    }

    /**
     * A sync page (full, delta, delete): the component role and the page's organisation; the
     * contract (adapterId, capability) is checked next by {@link no.fint.platform.adapter.ContractGuard}.
     */
    public static Access sync(FintPrincipal p, String orgId, Component component) {
        return adapterToken(p).and(() -> component(p, component)).and(() -> organisation(p, orgId));
    }

    /**
     * Registering a contract: its organisation is the token's, its {@code username} (when given) is the
     * token's {@code cn}, and the token holds the role of every component the contract declares.
     */
    public static Access register(FintPrincipal p, String orgId, String username, Collection<Component> components) {
        return adapterToken(p).and(() -> organisation(p, orgId)).and(() -> {
            if (username != null && !username.equals(p.username())) {
                return Access.forbidden("the contract's username " + username + " is not the token's cn " + p.username());
            }
            TreeSet<Component> missing = new TreeSet<>();
            for (Component c : components) {
                if (!p.hasRole(PrincipalKind.ADAPTER, c)) {
                    missing.add(c);
                }
            }
            if (!missing.isEmpty()) {
                return Access.forbidden("the token has no adapter role for " + missing + " (roles "
                        + missing.stream().map(c -> new Role(PrincipalKind.ADAPTER, c).text()).toList() + " are needed)");
            }
            return Access.ALLOWED;
        });
    }

    /**
     * Registering over an existing contract with the same adapterId. Taken by another organisation
     * (one the token does not name): 409 without saying whose; by another of the token's
     * organisations: 409 naming it; by another user: 403.
     */
    public static Access reRegister(FintPrincipal p, Contract existing, String orgId) {
        if (existing == null) {
            return Access.ALLOWED;
        }
        if (!p.hasOrg(existing.orgId())) {
            return Access.conflict("adapterId " + existing.adapterId() + " is taken; choose another");
        }
        if (!existing.orgId().equals(orgId)) {
            return Access.conflict("adapterId " + existing.adapterId() + " is registered for " + existing.orgId()
                    + "; an adapterId belongs to one organisation");
        }
        if (!Objects.equals(existing.username(), p.username())) {
            return Access.forbidden("adapterId " + existing.adapterId() + " is registered by another user ("
                    + existing.username() + ")");
        }
        return Access.ALLOWED;
    }

    /**
     * A heartbeat for {@code contract} (null when unknown) naming {@code orgId}: the organisation is the
     * token's, the contract exists for it (a contract of an organisation the token does not name is
     * unknown: 404) and was registered by this user.
     */
    public static Access heartbeat(FintPrincipal p, String orgId, String adapterId, Contract contract) {
        return adapterToken(p).and(() -> organisation(p, orgId)).and(() -> {
            if (contract == null || !p.hasOrg(contract.orgId())) {
                return Access.hidden("adapter " + adapterId + " has no registered contract (POST /provider/register first)");
            }
            if (!contract.orgId().equals(orgId)) {
                return Access.forbidden("organisation " + orgId + " does not match the contract of adapter " + adapterId
                        + ", registered for " + contract.orgId());
            }
            if (!Objects.equals(contract.username(), p.username())) {
                return Access.forbidden("adapter " + adapterId + " is registered by another user (" + contract.username() + ")");
            }
            return Access.ALLOWED;
        });
    }

    /** {@code GET /provider/adapter?orgId=}: a filter must name one of the token's organisations. */
    public static Access listing(FintPrincipal p, String orgIdFilter) {
        return adapterToken(p).and(() -> orgIdFilter == null || orgIdFilter.isBlank() ? Access.ALLOWED : organisation(p, orgIdFilter));
    }

    /** The adapters the listing shows: the caller's own (registered by its cn, for one of its organisations). */
    public static boolean listed(FintPrincipal p, Contract c) {
        return p.hasOrg(c.orgId()) && Objects.equals(c.username(), p.username());
    }

    /**
     * {@code GET /provider/sync/{corrId}}: a sync of an organisation the token does not name is unknown
     * (404); otherwise the token needs the component's role.
     */
    public static Access syncStatus(FintPrincipal p, String corrId, String orgId, Component component) {
        return adapterToken(p).and(() -> p.hasOrg(orgId) ? component(p, component)
                : Access.hidden("No sync with corrId " + corrId + " (unknown, or finished more than the retention ago)"));
    }

    /**
     * A client's write request may be handed to (polled by) this adapter token: the request's
     * organisation is the token's and the token holds the component's adapter role.
     */
    public static boolean mayPoll(FintPrincipal p, String orgId, Component component) {
        return p.kind() == PrincipalKind.ADAPTER && p.hasOrg(orgId) && p.hasRole(PrincipalKind.ADAPTER, component);
    }

    /**
     * An answer to a write request: accepted only from an adapter of the request's organisation with the
     * component's role; a request of an organisation the token does not name is unknown (404).
     */
    public static Access answer(FintPrincipal p, String requestId, String orgId, Component component) {
        return adapterToken(p).and(() -> p.hasOrg(orgId) ? component(p, component)
                : Access.hidden("No write request " + requestId));
    }
}
