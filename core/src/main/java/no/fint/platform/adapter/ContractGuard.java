package no.fint.platform.adapter;

import java.util.stream.Collectors;

/**
 * Rule: a sync is allowed only for an adapter with a registered contract, for the contract's
 * organisation, and for a resource the contract declares. "The organisation does not match" means:
 * the organisation the caller writes for differs from the one its contract was registered with.
 *
 * <p>Who the caller is comes from a {@link Caller}: until authentication exists, the provider builds
 * it from the page's {@code metadata.orgId} and {@code metadata.adapterId}; with tokens it will come
 * from the token (and the body's values must then match it). The rule does not change.
 */
public final class ContractGuard {

    private ContractGuard() {
    }

    /** Who writes, and for which organisation. */
    public record Caller(String orgId, String adapterId) {
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
        if (contract == null) {
            return Decision.denied("adapter " + caller.adapterId() + " has no registered contract (POST /provider/register first)");
        }
        if (!contract.orgId().equals(caller.orgId())) {
            return Decision.denied("organisation " + caller.orgId() + " does not match the contract of adapter "
                    + caller.adapterId() + ", registered for " + contract.orgId());
        }
        return Decision.ALLOWED;
    }
}
