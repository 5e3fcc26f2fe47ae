package no.fint.platform.adapter;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContractGuardTest {

    private static final Contract CONTRACT = new Contract("a1", "fint.no", "u", 1,
            List.of(new Capability("utdanning", "elev", "elev", "/utdanning/elev/elev", 1, null)), 0);

    @Test
    void allowedForTheContractsOrganisationAndCapabilities() {
        assertTrue(ContractGuard.authorise(new ContractGuard.Caller("fint.no", "a1"), CONTRACT, "/utdanning/elev/elev").allowed());
    }

    @Test
    void deniedWithTheReason() {
        ContractGuard.Decision d = ContractGuard.authorise(new ContractGuard.Caller("fint.no", "a1"), CONTRACT, "/utdanning/elev/elevforhold");
        assertFalse(d.allowed());
        assertTrue(d.reason().contains("does not declare the capability /utdanning/elev/elevforhold"), d.reason());
        d = ContractGuard.authorise(new ContractGuard.Caller("rogfk.no", "a1"), CONTRACT, "/utdanning/elev/elev");
        assertTrue(d.reason().contains("does not match the contract"), d.reason());
        d = ContractGuard.authorise(new ContractGuard.Caller("fint.no", "a2"), null, "/utdanning/elev/elev");
        assertTrue(d.reason().contains("no registered contract"), d.reason());
        d = ContractGuard.authorise(new ContractGuard.Caller("fint.no", null), null, "/utdanning/elev/elev");
        assertTrue(d.reason().contains("adapterId is missing"), d.reason());
    }
}
