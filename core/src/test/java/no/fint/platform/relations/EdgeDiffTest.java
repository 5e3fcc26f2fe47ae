package no.fint.platform.relations;

import no.fint.platform.model.Component;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EdgeDiffTest {

    private static final Component ELEV = Component.parse("utdanning/elev");
    private static final String HREF = "/utdanning/elev/elevforhold/systemid/ef1";

    private static Edge to(String elev) {
        return new Edge(ELEV, "/utdanning/elev/elev/systemid/" + elev, "elevforhold", ELEV, "elevforhold\u001Fef1");
    }

    @Test
    void aNewLinkIsWritten() {
        EdgeDiff d = EdgeDiff.between(Map.of(), Map.of(to("b"), HREF));
        assertEquals(List.of(), d.removed());
        assertEquals(Map.of(to("b"), HREF), d.written());
        assertEquals(1, d.size());
    }

    @Test
    void aChangedTargetRemovesTheOldEdgeAndWritesTheNew() {
        EdgeDiff d = EdgeDiff.between(Map.of(to("b"), HREF), Map.of(to("c"), HREF));
        assertEquals(List.of(to("b")), d.removed());
        assertEquals(Map.of(to("c"), HREF), d.written());
    }

    @Test
    void theSameEdgesWriteNothing() {
        Map<Edge, String> edges = Map.of(to("b"), HREF, to("c"), HREF);
        assertSame(EdgeDiff.NONE, EdgeDiff.between(edges, Map.copyOf(edges)));
        assertSame(EdgeDiff.NONE, EdgeDiff.between(Map.of(), Map.of()));
        assertTrue(EdgeDiff.NONE.isEmpty());
    }

    @Test
    void aDeleteRemovesEveryEdge() {
        EdgeDiff d = EdgeDiff.between(Map.of(to("c"), HREF, to("b"), HREF), Map.of());
        assertEquals(List.of(to("b"), to("c")), d.removed());
        assertTrue(d.written().isEmpty());
    }

    @Test
    void aChangedSelfPathRewritesTheEdgesItKeeps() {
        EdgeDiff d = EdgeDiff.between(Map.of(to("b"), HREF, to("c"), HREF), Map.of(to("b"), "/utdanning/elev/elevforhold/systemid/ny"));
        assertEquals(List.of(to("c")), d.removed());
        assertEquals(Map.of(to("b"), "/utdanning/elev/elevforhold/systemid/ny"), d.written());
    }
}
