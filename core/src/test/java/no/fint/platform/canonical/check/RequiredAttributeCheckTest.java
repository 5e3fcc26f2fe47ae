package no.fint.platform.canonical.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import no.fint.platform.model.Attribute;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ModelClass;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequiredAttributeCheckTest {

    private static final InformationModel MODEL = InformationModel.load("4.0.30");
    private static final ModelClass ELEV = MODEL.modelClass("utdanning.elev.Elev").orElseThrow();
    private static final ModelClass FAKTURAGRUNNLAG = MODEL.modelClass("okonomi.faktura.Fakturagrunnlag").orElseThrow();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Test
    void requiredAttribute() {
        Attribute systemId = ELEV.attribute("systemId").orElseThrow();
        Attribute gjest = ELEV.attribute("gjest").orElseThrow();
        Attribute linjer = FAKTURAGRUNNLAG.attribute("fakturalinjer").orElseThrow();
        assertEquals("required", RequiredAttributeCheck.check(systemId, null));
        assertEquals("required", RequiredAttributeCheck.check(systemId, NullNode.instance));
        assertNull(RequiredAttributeCheck.check(systemId, F.objectNode()));
        assertNull(RequiredAttributeCheck.check(gjest, null));
        assertNotNull(RequiredAttributeCheck.check(linjer, F.arrayNode()), "a required list must not be empty");
        assertTrue(RequiredAttributeCheck.absent(NullNode.instance));
        assertFalse(RequiredAttributeCheck.absent(TextNode.valueOf("")));
    }
}
