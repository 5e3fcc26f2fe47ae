package no.fint.platform.adapter;

import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Rule: a sync is allowed only for an adapter with a registered contract, for the contract's
 * organisation, registered by the same user, and for a resource the contract declares.
 *
 * <p>Who the caller is comes from a {@link Caller}: the organisation is the page's {@code metadata.orgId}
 * after the provider checked it is one of the token's organisations, the adapter is the page's
 * {@code metadata.adapterId}, the username the token's {@code cn}. A contract registered for another
 * organisation is reported exactly like a missing one, so the answer never tells that an adapterId
 * exists elsewhere.
 */
public final class ContractGuard {

    private ContractGuard() {
    }

    /** Who writes (the token's {@code cn}), for which organisation, as which adapter. */
    public record Caller(String orgId, String adapterId, String username) {
    }

    /** Allowed, or denied with the reason (a 403). */
    public record Decision(boolean allowed, String reason) {
        static final Decision ALLOWED = new Decision(true, null);

        static Decision denied(String reason) {
            return new Decision(false, reason);
        }
    }

    /**
     * @param contract the contract registered under the caller's adapterId, or null
     * @param resource the resource path of the sync, e.g. {@code /utdanning/elev/elev}
     */
    public static Decision authorise(Caller caller, Contract contract, String resource) {
        Decision adapter = authoriseAdapter(caller, contract);
        if (!adapter.allowed()) {
            return adapter;
        }
        if (contract.capability(resource) == null) {
            return Decision.denied("the contract of adapter " + caller.adapterId() + " does not declare the capability " + resource
                    + " (it declares " + contract.capabilities().stream().map(Capability::resource).collect(Collectors.joining(", ")) + ")");
        }
        return Decision.ALLOWED;
    }

    /**
     * The part of the rule that does not depend on a resource: a contract is registered under the
     * caller's adapterId, for the caller's organisation (write-request polls cover several resources;
     * they are then filtered by the contract's capabilities).
     */
    public static Decision authoriseAdapter(Caller caller, Contract contract) {
        if (caller.adapterId() == null || caller.adapterId().isBlank()) {
            return Decision.denied("the adapterId is missing, so the adapter's contract cannot be found");
        }
        if (contract == null || !contract.orgId().equals(caller.orgId())) {
            return Decision.denied("adapter " + caller.adapterId() + " has no registered contract for organisation "
                    + caller.orgId() + " (POST /provider/register first)");
        }
        if (!Objects.equals(contract.username(), caller.username())) {
            return Decision.denied("adapter " + caller.adapterId() + " is registered by another user (" + contract.username()
                    + "); the token's cn is " + caller.username());
        }
        return Decision.ALLOWED;
    }
}
