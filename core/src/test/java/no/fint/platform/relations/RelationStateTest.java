package no.fint.platform.relations;

import no.fint.platform.model.Component;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RelationStateTest {

    private static final Component ELEV = Component.parse("utdanning/elev");
    private static final RelationState.SourceId EF1 = new RelationState.SourceId("fint-no", ELEV, "elevforhold\u001Fef1");
    private static final RelationState.SourceId EF2 = new RelationState.SourceId("fint-no", ELEV, "elevforhold\u001Fef2");
    private static final String HREF1 = "/utdanning/elev/elevforhold/systemid/ef1";

    private static Edge to(String elev, RelationState.SourceId from) {
        return new Edge(ELEV, "/utdanning/elev/elev/systemid/" + elev, "elevforhold", ELEV, from.key());
    }

    private static SourceEdges edges(String href, Edge... edges) {
        return new SourceEdges(href, Set.of(edges), List.of());
    }

    @Test
    void appliesVersionsAndCountsEdges() {
        RelationState s = new RelationState();
        EdgeDiff first = s.apply(EF1, 10, edges(HREF1, to("b", EF1)));
        assertEquals(Map.of(to("b", EF1), HREF1), first.written());
        assertEquals(1, s.edgeCount());
        EdgeDiff move = s.apply(EF1, 20, edges(HREF1, to("c", EF1)));
        assertEquals(List.of(to("b", EF1)), move.removed());
        assertEquals(Map.of(to("c", EF1), HREF1), s.edges(EF1));
        assertSame(EdgeDiff.NONE, s.apply(EF1, 20, edges(HREF1, to("c", EF1))));
        EdgeDiff delete = s.apply(EF1, 30, SourceEdges.NONE);
        assertEquals(List.of(to("c", EF1)), delete.removed());
        assertEquals(0, s.edgeCount());
        assertEquals(1, s.sources());
    }

    @Test
    void anOlderVersionChangesNothing() {
        RelationState s = new RelationState();
        s.apply(EF1, 20, edges(HREF1, to("c", EF1)));
        assertNull(s.apply(EF1, 19, edges(HREF1, to("b", EF1))));
        assertEquals(Map.of(to("c", EF1), HREF1), s.edges(EF1));
        // Nor may an older version resurrect a deleted source.
        s.apply(EF1, 30, SourceEdges.NONE);
        assertNull(s.apply(EF1, 25, edges(HREF1, to("c", EF1))));
        assertTrue(s.edges(EF1).isEmpty());
    }

    @Test
    void reconcileWritesExactlyTheDifferenceBetweenKafkaAndTheSources() {
        RelationState written = new RelationState();
        written.restore(EF1, to("b", EF1), HREF1);
        written.restore(EF1, to("gone", EF1), HREF1);
        written.restore(EF2, to("x", EF2), "/utdanning/elev/elevforhold/systemid/ef2");
        written.forget(EF2, to("x", EF2));
        written.restore(EF2, to("d", EF2), "/old");
        assertEquals(3, written.edgeCount());

        RelationState desired = new RelationState();
        desired.apply(EF1, 5, edges(HREF1, to("b", EF1), to("new", EF1)));
        desired.apply(EF2, 5, edges("/utdanning/elev/elevforhold/systemid/ef2", to("d", EF2)));
        RelationState.SourceId deleted = new RelationState.SourceId("fint-no", ELEV, "elevforhold\u001Fef3");
        desired.apply(deleted, 5, SourceEdges.NONE);

        List<String> out = new ArrayList<>();
        RelationState.reconcile(written, desired, (source, diff) -> {
            diff.removed().forEach(e -> out.add("-" + e.targetPath()));
            diff.written().forEach((e, href) -> out.add("+" + e.targetPath() + " " + href));
        });
        out.sort(null);
        assertEquals(List.of("+/utdanning/elev/elev/systemid/d /utdanning/elev/elevforhold/systemid/ef2",
                "+/utdanning/elev/elev/systemid/new " + HREF1, "-/utdanning/elev/elev/systemid/gone"), out);

        // Reconciling a state with itself writes nothing: a replay after a restart is silent.
        RelationState.reconcile(desired, desired, (source, diff) -> out.add("unexpected"));
        assertEquals(3, out.size());
    }

    @Test
    void forgettingTheLastRestoredEdgeForgetsTheSource() {
        RelationState s = new RelationState();
        s.restore(EF1, to("b", EF1), HREF1);
        s.restore(EF1, to("b", EF1), HREF1);
        assertEquals(1, s.edgeCount());
        s.forget(EF1, to("b", EF1));
        s.forget(EF2, to("b", EF2));
        assertEquals(0, s.sources());
        assertEquals(0, s.edgeCount());
    }
}
