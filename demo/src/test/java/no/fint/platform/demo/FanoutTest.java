package no.fint.platform.demo;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FanoutTest {

    @Test
    void childrenFindTheirParentsAlsoAcrossEmptyParents() {
        int[] counts = {2, 0, 0, 3, 1, 0};
        Fanout f = new Fanout(counts.length, p -> counts[p]);
        assertEquals(6, f.total());
        int child = 0;
        for (int p = 0; p < counts.length; p++) {
            assertEquals(child, f.first(p));
            assertEquals(counts[p], f.count(p));
            for (int i = 0; i < counts[p]; i++, child++) {
                assertEquals(p, f.parent(child), "child " + child);
                assertEquals(i, f.position(child));
            }
        }
        assertThrows(IndexOutOfBoundsException.class, () -> f.parent(6));
        assertThrows(IndexOutOfBoundsException.class, () -> f.parent(-1));
    }
}
