package no.fint.platform.auth;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static no.fint.platform.auth.ProviderRulesTest.ELEV;
import static no.fint.platform.auth.ProviderRulesTest.PERSONAL;
import static no.fint.platform.auth.ProviderRulesTest.principal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsumerRulesTest {

    @Test
    void aClientOfTheServedOrganisationWithTheComponentRole() {
        FintPrincipal client = principal(PrincipalKind.CLIENT, "app@client.fint.no", Set.of("rogfk.no", "fint.no"), ELEV);
        assertTrue(ConsumerRules.read(client, "fint.no", ELEV).allowed());
        assertEquals(403, ConsumerRules.read(client, "fint.no", PERSONAL).status());
        Access otherOrg = ConsumerRules.read(client, "vlfk.no", ELEV);
        assertEquals(403, otherOrg.status());
        assertFalse(otherOrg.reason().contains("vlfk.no"), otherOrg.reason());
    }

    @Test
    void adapterTokensReadNothing() {
        FintPrincipal adapter = principal(PrincipalKind.ADAPTER, "a@adapter.fint.no", Set.of("fint.no"), ELEV);
        Access a = ConsumerRules.read(adapter, "fint.no", ELEV);
        assertEquals(403, a.status());
        assertTrue(a.reason().contains("client tokens"), a.reason());
        assertEquals(403, ConsumerRules.clientOf(adapter, "fint.no").status());
    }
}
