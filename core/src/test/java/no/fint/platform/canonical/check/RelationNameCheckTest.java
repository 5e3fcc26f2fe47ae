package no.fint.platform.canonical.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ModelClass;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RelationNameCheckTest {

    private static final ObjectMapper M = new ObjectMapper();
    private static final ModelClass ELEVFORHOLD = InformationModel.load("4.0.30").modelClass("utdanning.elev.Elevforhold").orElseThrow();
    private static final ModelClass PERIODE = InformationModel.load("4.0.30").modelClass("felles.kompleksedatatyper.Periode").orElseThrow();

    @Test
    void relationNames() {
        assertNotNull(RelationNameCheck.relation(ELEVFORHOLD, "elev"));
        assertNull(RelationNameCheck.relation(ELEVFORHOLD, "Elev"));
        assertTrue(RelationNameCheck.isSelf("self"));
        assertTrue(RelationNameCheck.reason(ELEVFORHOLD, "venn").contains("skole"));
        assertTrue(RelationNameCheck.reason(PERIODE, "x").contains("has no relations"));
    }
}
