package no.fint.platform.relations;

import no.fint.platform.model.Component;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EdgeTest {

    private static final Component ELEV = Component.parse("utdanning/elev");
    private static final Edge EDGE = new Edge(ELEV, "/utdanning/elev/elev/systemid/e1", "elevforhold",
            Component.parse("felles/kodeverk/iso"), "elevforhold\u001Fef\u001F1");

    @Test
    void keyHasTheDocumentedFormAndReadsBack() {
        assertEquals("/utdanning/elev/elev/systemid/e1\u001Felevforhold\u001Ffelles-kodeverk-iso\u001Felevforhold\u001Fef\u001F1", EDGE.key());
        assertEquals(EDGE, Edge.parse(ELEV, EDGE.key()));
    }

    @Test
    void differentSourcesOrTargetsNeverShareAKey() {
        Edge otherSource = new Edge(ELEV, EDGE.targetPath(), EDGE.inverse(), ELEV, EDGE.sourceKey());
        Edge otherTarget = new Edge(ELEV, "/utdanning/elev/elev/systemid/e2", EDGE.inverse(), EDGE.sourceComponent(), EDGE.sourceKey());
        assertNotEquals(EDGE.key(), otherSource.key());
        assertNotEquals(EDGE.key(), otherTarget.key());
    }

    @Test
    void malformedKeysAreRejected() {
        for (String bad : List.of("", "/a\u001Fb\u001Fc", "a\u001Fb\u001Futdanning-elev\u001Fx\u001Fy",
                "/a\u001F\u001Futdanning-elev\u001Fx\u001Fy", "/a\u001Fb\u001F\u001Fx\u001Fy", "/a\u001Fb\u001Fnodash\u001Fx\u001Fy")) {
            assertThrows(IllegalArgumentException.class, () -> Edge.parse(ELEV, bad), bad.replace('\u001F', '|'));
        }
        assertThrows(IllegalArgumentException.class, () -> Edge.parse(ELEV, null));
    }

    @Test
    void valueIsTheSourceSelfPathAsJson() {
        assertEquals("{\"href\":\"/utdanning/elev/elevforhold/systemid/ef1\"}",
                new String(EdgeValue.encode("/utdanning/elev/elevforhold/systemid/ef1"), StandardCharsets.UTF_8));
        String odd = "/utdanning/elev/elev/feidenavn/\"ola\"\\æ";
        assertEquals("{\"href\":\"/utdanning/elev/elev/feidenavn/\\\"ola\\\"\\\\æ\"}", new String(EdgeValue.encode(odd), StandardCharsets.UTF_8));
        assertEquals(odd, EdgeValue.decode(EdgeValue.encode(odd)));
        assertEquals("/x", EdgeValue.decode("{\"other\":[1],\"href\":\"/x\"}".getBytes(StandardCharsets.UTF_8)));
        String plain = "/utdanning/elev/elev/feidenavn/pål@skole.no";
        assertEquals(plain, EdgeValue.decode(EdgeValue.encode(plain)));
        assertEquals("/a\u00e6", EdgeValue.decode("{\"href\":\"/a\\u00e6\"}".getBytes(StandardCharsets.UTF_8)));
        for (String bad : List.of("[]", "{}", "{\"href\":1}", "{\"href\":", "")) {
            assertThrows(IllegalArgumentException.class, () -> EdgeValue.decode(bad.getBytes(StandardCharsets.UTF_8)), bad);
        }
    }
}
