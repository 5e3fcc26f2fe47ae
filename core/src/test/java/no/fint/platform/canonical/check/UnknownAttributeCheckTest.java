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

class UnknownAttributeCheckTest {

    private static final InformationModel MODEL = InformationModel.load("4.0.30");
    private static final ModelClass ELEV = MODEL.modelClass("utdanning.elev.Elev").orElseThrow();
    private static final ModelClass FAKTURAGRUNNLAG = MODEL.modelClass("okonomi.faktura.Fakturagrunnlag").orElseThrow();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Test
    void unknownAttribute() {
        assertNull(UnknownAttributeCheck.check(ELEV, "systemId"));
        assertNull(UnknownAttributeCheck.check(ELEV, "_links"));
        assertTrue(UnknownAttributeCheck.check(ELEV, "systemid").startsWith("unknown attribute for Elev"));
        // inherited attributes are known
        assertNull(UnknownAttributeCheck.check(MODEL.modelClass("felles.Person").orElseThrow(), "postadresse"));
    }
}
