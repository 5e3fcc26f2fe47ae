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

class ComplexTypeCheckTest {

    private static final InformationModel MODEL = InformationModel.load("4.0.30");
    private static final ModelClass ELEV = MODEL.modelClass("utdanning.elev.Elev").orElseThrow();
    private static final ModelClass FAKTURAGRUNNLAG = MODEL.modelClass("okonomi.faktura.Fakturagrunnlag").orElseThrow();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Test
    void complexType() {
        ModelClass periode = ComplexTypeCheck.type(MODEL, "felles.kompleksedatatyper.Periode").orElseThrow();
        assertNull(ComplexTypeCheck.check(periode, F.objectNode()));
        assertEquals("expected an object (Periode), got the string \"2019\"", ComplexTypeCheck.check(periode, TextNode.valueOf("2019")));
        assertTrue(ComplexTypeCheck.type(MODEL, "felles.kompleksedatatyper.Nope").isEmpty());
    }
}
