package no.fint.platform.canonical.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ModelClass;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinkShapeCheckTest {

    private static final ObjectMapper M = new ObjectMapper();
    private static final ModelClass ELEVFORHOLD = InformationModel.load("4.0.30").modelClass("utdanning.elev.Elevforhold").orElseThrow();
    private static final ModelClass PERIODE = InformationModel.load("4.0.30").modelClass("felles.kompleksedatatyper.Periode").orElseThrow();

    @Test
    void linkShapes() throws Exception {
        assertNull(LinkShapeCheck.checkLinks(M.readTree("{}")));
        assertNotNull(LinkShapeCheck.checkLinks(M.readTree("[]")));
        assertNull(LinkShapeCheck.checkRelation(M.readTree("[]")));
        assertNotNull(LinkShapeCheck.checkRelation(M.readTree("{\"href\":\"x\"}")));
        assertNull(LinkShapeCheck.checkLink(M.readTree("{\"href\":\"x\"}")));
        assertNotNull(LinkShapeCheck.checkLink(M.readTree("{\"href\":1}")));
        assertNotNull(LinkShapeCheck.checkLink(M.readTree("{\"href\":\"x\",\"templated\":false}")));
        assertNotNull(LinkShapeCheck.checkLink(TextNode.valueOf("x")));
    }
}
