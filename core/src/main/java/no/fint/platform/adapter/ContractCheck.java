package no.fint.platform.adapter;

import no.fint.platform.canonical.Violation;
import no.fint.platform.canonical.check.SurrogateCheck;
import no.fint.platform.records.Topics;

import java.util.List;

/**
 * Rule: a contract names its adapter (at most 512 characters, no control characters, no unpaired
 * surrogate: it is the contract's Kafka key, see {@link SurrogateCheck}), a valid
 * organisation id, a heartbeat interval of 1 to 1440 minutes (1 when absent, as FINT's adapter
 * default), and at least one capability, no resource twice. The capabilities themselves are
 * {@link CapabilityCheck}'s.
 */
public final class ContractCheck {

    public static final int DEFAULT_HEARTBEAT_MINUTES = 1;

    private ContractCheck() {
    }

    public static void check(String adapterId, String orgId, Integer heartbeatIntervalInMinutes, List<Capability> capabilities,
                             int declaredCapabilities, List<Violation> out) {
        if (adapterId == null || adapterId.isBlank()) {
            out.add(new Violation("adapterId", "missing"));
        } else if (adapterId.length() > 512 || adapterId.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            out.add(new Violation("adapterId", "longer than 512 characters or with control characters"));
        } else {
            SurrogateCheck.report(out, "adapterId", adapterId);
        }
        if (!Topics.validOrgId(orgId)) {
            out.add(new Violation("orgId", "'" + orgId + "' is not an organisation id (a lower-case domain name such as fint.no)"));
        }
        if (heartbeatIntervalInMinutes != null && (heartbeatIntervalInMinutes < 1 || heartbeatIntervalInMinutes > 1440)) {
            out.add(new Violation("heartbeatIntervalInMinutes", heartbeatIntervalInMinutes + " is not 1 to 1440 minutes"));
        }
        if (declaredCapabilities == 0) {
            out.add(new Violation("capabilities", "a contract declares at least one capability"));
        }
        for (int i = 0; i < capabilities.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (capabilities.get(i).resource().equals(capabilities.get(j).resource())) {
                    out.add(new Violation("capabilities", capabilities.get(i).resource() + " is declared twice"));
                }
            }
        }
    }
}
