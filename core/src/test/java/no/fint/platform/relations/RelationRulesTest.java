package no.fint.platform.relations;

import no.fint.platform.model.InformationModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class RelationRulesTest {

    @Test
    void elevforholdToElevAndSkoleAreMaintained() {
        List<RelationRule> rules = RelationRules.derive(InformationModel.load());
        assertTrue(rules.stream().anyMatch(r -> r.source().name().equals("Elevforhold") && r.relation().name().equals("elev")
                && r.target().name().equals("Elev") && r.inverse().name().equals("elevforhold")));
        assertTrue(rules.stream().anyMatch(r -> r.source().name().equals("Elevforhold") && r.relation().name().equals("skole")
                && r.target().name().equals("Skole") && r.inverse().name().equals("elevforhold")));
        assertTrue(rules.stream().noneMatch(r -> r.relation().inverseName() == null));
    }
}
