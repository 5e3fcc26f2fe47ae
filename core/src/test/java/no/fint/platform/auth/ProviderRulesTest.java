package no.fint.platform.auth;

import no.fint.platform.adapter.Capability;
import no.fint.platform.adapter.Contract;
import no.fint.platform.model.Component;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProviderRulesTest {

    static final Component ELEV = new Component("utdanning", "elev");
    static final Component PERSONAL = new Component("administrasjon", "personal");

    static FintPrincipal principal(PrincipalKind kind, String user, Set<String> orgs, Component... components) {
        Set<Role> roles = new java.util.LinkedHashSet<>();
        for (Component c : components) {
            roles.add(new Role(kind, c));
        }
        return new FintPrincipal(user, kind, orgs, roles, Set.of(kind.scope()));
    }

    static final FintPrincipal ADAPTER = principal(PrincipalKind.ADAPTER, "vigo@adapter.fint.no", Set.of("fint.no"), ELEV);
    static final FintPrincipal CLIENT = principal(PrincipalKind.CLIENT, "app@client.fint.no", Set.of("fint.no"), ELEV);

    static Contract contract(String org, String user) {
        return new Contract("a1", org, user, 1, List.of(new Capability("utdanning", "elev", "elev", "/utdanning/elev/elev", 1, null)), 0);
    }

    @Test
    void onlyAdapterTokens() {
        assertTrue(ProviderRules.adapterToken(ADAPTER).allowed());
        Access a = ProviderRules.adapterToken(CLIENT);
        assertEquals(403, a.status());
        assertTrue(a.reason().contains("adapter tokens"), a.reason());
        FintPrincipal neither = new FintPrincipal("x", null, Set.of("fint.no"), Set.of(), Set.of("openid"));
        assertEquals(403, ProviderRules.sync(neither, "fint.no", ELEV).status());
    }

    @Test
    void syncNeedsTheComponentRoleAndTheOrganisation() {
        assertTrue(ProviderRules.sync(ADAPTER, "fint.no", ELEV).allowed());
        Access otherComponent = ProviderRules.sync(ADAPTER, "fint.no", PERSONAL);
        assertEquals(403, otherComponent.status());
        assertTrue(otherComponent.reason().contains("FINT_Adapter_administrasjon_personal"), otherComponent.reason());
        Access otherOrg = ProviderRules.sync(ADAPTER, "rogfk.no", ELEV);
        assertEquals(403, otherOrg.status());
        assertTrue(otherOrg.reason().contains("rogfk.no is not one of the token's organisations"), otherOrg.reason());
        assertEquals(403, ProviderRules.sync(CLIENT, "fint.no", ELEV).status());
    }

    @Test
    void registerChecksOrganisationUsernameAndEveryComponent() {
        assertTrue(ProviderRules.register(ADAPTER, "fint.no", "vigo@adapter.fint.no", List.of(ELEV)).allowed());
        assertTrue(ProviderRules.register(ADAPTER, "fint.no", null, List.of(ELEV)).allowed());
        assertEquals(403, ProviderRules.register(ADAPTER, "rogfk.no", null, List.of(ELEV)).status());
        Access user = ProviderRules.register(ADAPTER, "fint.no", "someone@adapter.fint.no", List.of(ELEV));
        assertEquals(403, user.status());
        assertTrue(user.reason().contains("is not the token's cn"), user.reason());
        Access comp = ProviderRules.register(ADAPTER, "fint.no", null, List.of(ELEV, PERSONAL));
        assertEquals(403, comp.status());
        assertTrue(comp.reason().contains("administrasjon/personal") && !comp.reason().contains("[utdanning"), comp.reason());
    }

    @Test
    void reRegisterNeverTellsWhichOtherOrganisationHoldsAnAdapterId() {
        assertTrue(ProviderRules.reRegister(ADAPTER, null, "fint.no").allowed());
        assertTrue(ProviderRules.reRegister(ADAPTER, contract("fint.no", "vigo@adapter.fint.no"), "fint.no").allowed());
        Access foreign = ProviderRules.reRegister(ADAPTER, contract("rogfk.no", "x@adapter.rogfk.no"), "fint.no");
        assertEquals(409, foreign.status());
        assertFalse(foreign.reason().contains("rogfk"), foreign.reason());
        FintPrincipal both = principal(PrincipalKind.ADAPTER, "vigo@adapter.fint.no", Set.of("fint.no", "rogfk.no"), ELEV);
        Access own = ProviderRules.reRegister(both, contract("rogfk.no", "vigo@adapter.fint.no"), "fint.no");
        assertEquals(409, own.status());
        assertTrue(own.reason().contains("rogfk.no"), own.reason());
        assertEquals(403, ProviderRules.reRegister(ADAPTER, contract("fint.no", "other@adapter.fint.no"), "fint.no").status());
    }

    @Test
    void heartbeatsHideContractsOfOtherOrganisations() {
        assertTrue(ProviderRules.heartbeat(ADAPTER, "fint.no", "a1", contract("fint.no", "vigo@adapter.fint.no")).allowed());
        Access unknown = ProviderRules.heartbeat(ADAPTER, "fint.no", "a1", null);
        Access foreign = ProviderRules.heartbeat(ADAPTER, "fint.no", "a1", contract("rogfk.no", "x"));
        assertEquals(404, unknown.status());
        assertEquals(unknown, foreign);
        assertEquals(403, ProviderRules.heartbeat(ADAPTER, "rogfk.no", "a1", contract("rogfk.no", "x")).status());
        assertEquals(403, ProviderRules.heartbeat(ADAPTER, "fint.no", "a1", contract("fint.no", "other")).status());
        FintPrincipal both = principal(PrincipalKind.ADAPTER, "vigo@adapter.fint.no", Set.of("fint.no", "rogfk.no"), ELEV);
        assertEquals(403, ProviderRules.heartbeat(both, "fint.no", "a1", contract("rogfk.no", "vigo@adapter.fint.no")).status());
    }

    @Test
    void theListingShowsTheCallersOwnAdapters() {
        assertTrue(ProviderRules.listed(ADAPTER, contract("fint.no", "vigo@adapter.fint.no")));
        assertFalse(ProviderRules.listed(ADAPTER, contract("fint.no", "other@adapter.fint.no")));
        assertFalse(ProviderRules.listed(ADAPTER, contract("rogfk.no", "vigo@adapter.fint.no")));
        assertTrue(ProviderRules.listing(ADAPTER, null).allowed());
        assertTrue(ProviderRules.listing(ADAPTER, "fint.no").allowed());
        assertEquals(403, ProviderRules.listing(ADAPTER, "rogfk.no").status());
        assertEquals(403, ProviderRules.listing(CLIENT, null).status());
    }

    @Test
    void syncStatusOfAnotherOrganisationIsUnknown() {
        assertTrue(ProviderRules.syncStatus(ADAPTER, "c1", "fint.no", ELEV).allowed());
        assertEquals(404, ProviderRules.syncStatus(ADAPTER, "c1", "rogfk.no", ELEV).status());
        assertEquals(403, ProviderRules.syncStatus(ADAPTER, "c1", "fint.no", PERSONAL).status());
    }

    @Test
    void writeRequestsGoOnlyToAdaptersOfTheirOrganisationAndComponent() {
        assertTrue(ProviderRules.mayPoll(ADAPTER, "fint.no", ELEV));
        assertFalse(ProviderRules.mayPoll(ADAPTER, "rogfk.no", ELEV));
        assertFalse(ProviderRules.mayPoll(ADAPTER, "fint.no", PERSONAL));
        assertFalse(ProviderRules.mayPoll(CLIENT, "fint.no", ELEV));
        assertTrue(ProviderRules.answer(ADAPTER, "r1", "fint.no", ELEV).allowed());
        assertEquals(404, ProviderRules.answer(ADAPTER, "r1", "rogfk.no", ELEV).status());
        assertEquals(403, ProviderRules.answer(ADAPTER, "r1", "fint.no", PERSONAL).status());
    }
}
