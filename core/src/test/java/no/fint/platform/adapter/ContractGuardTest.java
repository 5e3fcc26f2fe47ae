package no.fint.platform.adapter;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContractGuardTest {

    private static final Contract CONTRACT = new Contract("a1", "fint.no", "u@adapter.fint.no", 1,
            List.of(new Capability("utdanning", "elev", "elev", "/utdanning/elev/elev", 1, null)), 0);

    private static ContractGuard.Caller caller(String org, String adapterId) {
        return new ContractGuard.Caller(org, adapterId, "u@adapter.fint.no");
    }

    @Test
    void allowedForTheContractsOrganisationUserAndCapabilities() {
        assertTrue(ContractGuard.authorise(caller("fint.no", "a1"), CONTRACT, "/utdanning/elev/elev").allowed());
    }

    @Test
    void deniedWithTheReason() {
        ContractGuard.Decision d = ContractGuard.authorise(caller("fint.no", "a1"), CONTRACT, "/utdanning/elev/elevforhold");
        assertFalse(d.allowed());
        assertTrue(d.reason().contains("does not declare the capability /utdanning/elev/elevforhold"), d.reason());
        d = ContractGuard.authorise(caller("fint.no", "a2"), null, "/utdanning/elev/elev");
        assertTrue(d.reason().contains("no registered contract"), d.reason());
        d = ContractGuard.authorise(caller("fint.no", null), null, "/utdanning/elev/elev");
        assertTrue(d.reason().contains("adapterId is missing"), d.reason());
        d = ContractGuard.authorise(new ContractGuard.Caller("fint.no", "a1", "other@adapter.fint.no"), CONTRACT, "/utdanning/elev/elev");
        assertTrue(d.reason().contains("registered by another user"), d.reason());
    }

    @Test
    void aContractOfAnotherOrganisationIsReportedLikeAMissingOne() {
        ContractGuard.Decision foreign = ContractGuard.authorise(caller("rogfk.no", "a1"), CONTRACT, "/utdanning/elev/elev");
        ContractGuard.Decision missing = ContractGuard.authorise(caller("rogfk.no", "a1"), null, "/utdanning/elev/elev");
        assertFalse(foreign.allowed());
        assertEquals(missing.reason(), foreign.reason());
        assertFalse(foreign.reason().contains("fint.no"), foreign.reason());
    }
}
