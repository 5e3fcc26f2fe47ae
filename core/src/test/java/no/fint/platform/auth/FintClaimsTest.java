package no.fint.platform.auth;

import no.fint.platform.model.Component;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FintClaimsTest {

    private static Map<String, Object> fintAdapter() {
        Map<String, Object> c = new HashMap<>();
        c.put("cn", "vigo@adapter.rogfk.no");
        c.put("fintAssetIDs", "rogfk-no,fint_no");
        c.put("scope", List.of("fint-adapter"));
        c.put("Roles", List.of("FINT_Adapter_utdanning_elev", "FINT_Adapter_felles_kodeverk_iso", "FINT_Client_utdanning_vurdering", "offline_access"));
        return c;
    }

    @Test
    void claimsAsFintsIdpIssuesThem() throws Exception {
        FintPrincipal p = FintClaims.principal(fintAdapter()::get);
        assertEquals("vigo@adapter.rogfk.no", p.username());
        assertEquals("vigo@adapter.rogfk.no", p.getName());
        assertEquals(PrincipalKind.ADAPTER, p.kind());
        assertEquals(List.of("rogfk.no", "fint.no"), List.copyOf(p.orgs()));
        assertEquals(Set.of(new Role(PrincipalKind.ADAPTER, new Component("utdanning", "elev")),
                new Role(PrincipalKind.ADAPTER, new Component("felles", "kodeverk.iso")),
                new Role(PrincipalKind.CLIENT, new Component("utdanning", "vurdering"))), p.roles());
        // Only the roles of the token's own kind count.
        assertEquals(Set.of(new Component("felles", "kodeverk.iso"), new Component("utdanning", "elev")), p.components());
        assertTrue(p.hasRole(PrincipalKind.ADAPTER, new Component("utdanning", "elev")));
        assertTrue(!p.hasRole(PrincipalKind.CLIENT, new Component("utdanning", "vurdering")));
    }

    @Test
    void scopeAndRolesAlsoAsSpaceSeparatedStrings() throws Exception {
        Map<String, Object> c = fintAdapter();
        c.put("scope", "openid fint-client");
        c.put("Roles", "FINT_Client_utdanning_elev FINT_Client_administrasjon_personal");
        c.put("fintAssetIDs", List.of("rogfk.no"));
        FintPrincipal p = FintClaims.principal(c::get);
        assertEquals(PrincipalKind.CLIENT, p.kind());
        assertEquals(Set.of("openid", "fint-client"), p.scopes());
        assertEquals(Set.of(new Component("administrasjon", "personal"), new Component("utdanning", "elev")), p.components());
    }

    @Test
    void aScopeWithNeitherOrBothKindsGivesNoKind() throws Exception {
        Map<String, Object> c = fintAdapter();
        c.put("scope", "fint-adapter fint-client");
        assertNull(FintClaims.principal(c::get).kind());
        c.put("scope", "openid");
        assertNull(FintClaims.principal(c::get).kind());
    }

    @Test
    void assetIdsBecomeOrganisationIds() {
        assertEquals("rogfk.no", FintClaims.orgId("rogfk-no"));
        assertEquals("rogfk.no", FintClaims.orgId("rogfk_no"));
        assertEquals("rogfk.no", FintClaims.orgId(" ROGFK.no "));
        assertEquals("nord-fron.no", FintClaims.orgId("nord-fron.no"));
        assertEquals("vestland.fylkeskommune.no", FintClaims.orgId("vestland-fylkeskommune-no"));
        assertNull(FintClaims.orgId("rogfk"));
        assertNull(FintClaims.orgId("not an org"));
    }

    @Test
    void missingOrMalformedClaimsMakeTheTokenInvalid() {
        for (String claim : List.of("cn", "fintAssetIDs", "scope", "Roles")) {
            Map<String, Object> c = fintAdapter();
            c.remove(claim);
            InvalidClaimsException e = assertThrows(InvalidClaimsException.class, () -> FintClaims.principal(c::get), claim);
            assertTrue(e.getMessage().contains(claim), e.getMessage());
        }
        Map<String, Object> c = fintAdapter();
        c.put("cn", " ");
        assertThrows(InvalidClaimsException.class, () -> FintClaims.principal(c::get));
        c.put("cn", 42L);
        assertThrows(InvalidClaimsException.class, () -> FintClaims.principal(c::get));
        Map<String, Object> d = fintAdapter();
        d.put("fintAssetIDs", "nothing, useful");
        assertThrows(InvalidClaimsException.class, () -> FintClaims.principal(d::get));
        d.put("fintAssetIDs", List.of("fint.no", 7));
        assertThrows(InvalidClaimsException.class, () -> FintClaims.principal(d::get));
    }

    @Test
    void rolesParseAndPrint() {
        assertEquals("FINT_Adapter_felles_kodeverk_iso", Role.parse("fint_adapter_FELLES_kodeverk_iso").orElseThrow().text());
        assertEquals(new Component("utdanning", "elev"), Role.parse("FINT_Client_utdanning_elev").orElseThrow().component());
        assertTrue(Role.parse("FINT_Admin_utdanning_elev").isEmpty());
        assertTrue(Role.parse("FINT_Client_utdanning").isEmpty());
        assertTrue(Role.parse("FINT_Client_utdanning_elev;drop").isEmpty());
        assertEquals("FINT_Client_utdanning_elev", new Role(PrincipalKind.CLIENT, Component.parse("utdanning-elev")).text());
    }
}
