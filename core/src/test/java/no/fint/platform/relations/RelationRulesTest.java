package no.fint.platform.relations;

import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ModelClass;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RelationRulesTest {

    private static final InformationModel V4 = InformationModel.load();
    private static final InformationModel V3 = InformationModel.load("3.21.10");
    private final List<RelationRule> rules = RelationRules.derive(V4);

    private Optional<RelationRule> rule(List<RelationRule> in, String source, String relation) {
        return in.stream().filter(r -> r.source().qualifiedName().equals(source) && r.relation().name().equals(relation)).findFirst();
    }

    @Test
    void elevforholdFeedsElevAndSkoleAcrossComponents() {
        RelationRule elev = rule(rules, "utdanning.elev.Elevforhold", "elev").orElseThrow();
        assertEquals("utdanning.elev.Elev", elev.target().qualifiedName());
        assertEquals("elevforhold", elev.inverse().name());
        assertEquals(RelationRule.Basis.SOURCE_SIDE, elev.basis());
        RelationRule skole = rule(rules, "utdanning.elev.Elevforhold", "skole").orElseThrow();
        assertEquals("utdanning.utdanningsprogram.Skole", skole.target().qualifiedName());
        assertEquals("elevforhold", skole.inverse().name());
    }

    @Test
    void theNonSourceSideFeedsNothing() {
        assertTrue(rule(rules, "utdanning.elev.Elev", "elevforhold").isEmpty());
        assertTrue(rule(rules, "utdanning.utdanningsprogram.Skole", "elevforhold").isEmpty());
        assertTrue(rule(rules, "administrasjon.personal.Arbeidsforhold", "personalressurs").isEmpty());
        // The model makes Personalressurs the owner of arbeidsforhold, not the other way round.
        assertEquals("personalressurs", rule(rules, "administrasjon.personal.Personalressurs", "arbeidsforhold")
                .orElseThrow().inverse().name());
    }

    @Test
    void everyRuleFollowsAnIsSourceSideOfAConsistentPair() {
        // 106 pairs in model 4: 100 with one source side, 6 self-relation pairs with both (12 rules).
        assertEquals(112, rules.size());
        assertEquals(100, rules.stream().filter(r -> r.basis() == RelationRule.Basis.SOURCE_SIDE).count());
        assertEquals(12, rules.stream().filter(r -> r.basis() == RelationRule.Basis.BOTH_SOURCES).count());
        for (RelationRule r : rules) {
            assertEquals(Boolean.TRUE, r.relation().isSource(), r.toString());
            assertEquals(r.relation().name(), r.inverse().inverseName(), r.toString());
            assertEquals(r.target().qualifiedName(), r.relation().target(), r.toString());
            assertTrue(r.source().isMain() && r.target().isMain(), r.toString());
        }
        assertTrue(RelationRules.unmatched(V4).isEmpty());
    }

    @Test
    void selfRelationsWithBothSidesSourcesFeedEachOther() {
        RelationRule up = rule(rules, "administrasjon.organisasjon.Organisasjonselement", "overordnet").orElseThrow();
        RelationRule down = rule(rules, "administrasjon.organisasjon.Organisasjonselement", "underordnet").orElseThrow();
        assertEquals("underordnet", up.inverse().name());
        assertEquals("overordnet", down.inverse().name());
        assertEquals(RelationRule.Basis.BOTH_SOURCES, up.basis());
        assertTrue(rule(rules, "felles.Person", "foreldre").isPresent());
        assertTrue(rule(rules, "felles.Person", "foreldreansvar").isPresent());
        assertTrue(rule(rules, "administrasjon.personal.Fravar", "fortsettelse").isPresent());
    }

    @Test
    void fellesClassesAreSourcesAndTargets() {
        RelationRule person = rule(rules, "utdanning.elev.Elev", "person").orElseThrow();
        assertEquals("felles.Person", person.target().qualifiedName());
        assertEquals("elev", person.inverse().name());
        assertEquals("personalressurs", rule(rules, "felles.Person", "personalressurs").orElseThrow().relation().name());
        assertEquals("parorende", rule(rules, "felles.Kontaktperson", "kontaktperson").orElseThrow().inverse().name());
    }

    @Test
    void indexAnswersBySourceClassAndRelation() {
        RelationRules index = RelationRules.of(V4);
        ModelClass ef = V4.modelClass("utdanning.elev.Elevforhold").orElseThrow();
        ModelClass kjonn = V4.modelClass("felles.kodeverk.iso.Kjonn").orElseThrow();
        assertTrue(index.hasRules(ef));
        assertFalse(index.hasRules(kjonn));
        assertEquals(1, index.rules(ef, "elev").size());
        assertTrue(index.rules(ef, "anmerkninger").isEmpty());
        assertEquals(List.copyOf(index.rules(ef).keySet()), index.rules(ef).keySet().stream().toList());
        assertEquals(rules, index.all());
    }

    @Test
    void model3HasNoIsSourceSoBothSidesFeedEachOther() {
        List<RelationRule> v3 = RelationRules.derive(V3);
        assertTrue(v3.stream().allMatch(r -> r.basis() == RelationRule.Basis.UNKNOWN));
        assertTrue(rule(v3, "utdanning.elev.Elevforhold", "elev").isPresent());
        assertTrue(rule(v3, "utdanning.elev.Elev", "elevforhold").isPresent());
        // A relation to an abstract class is maintained for each concrete main subclass with the inverse.
        List<String> medlem = v3.stream().filter(r -> r.source().qualifiedName().equals("utdanning.elev.Medlemskap")
                && r.relation().name().equals("medlem")).map(r -> r.target().qualifiedName()).sorted().toList();
        assertEquals(List.of("utdanning.elev.Elevforhold", "utdanning.elev.Undervisningsforhold"), medlem);
    }
}
