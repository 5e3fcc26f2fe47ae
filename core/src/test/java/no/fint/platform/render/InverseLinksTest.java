package no.fint.platform.render;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InverseLinksTest {

    @Test
    void sortsPerRelationDropsDuplicatesAndReadsHrefsUpToTheSeparator() {
        InverseLinks l = InverseLinks.builder()
                .add("elevforhold", "/e/b\u001Fsrc\u001Fk1")
                .add("klasse", "/k/1")
                .add("elevforhold", "/e/a\u001Fsrc\u001Fk2")
                .add("elevforhold", "/e/b\u001Fother\u001Fk3")
                .add("elevforhold", "/e/ab")
                .build();
        int first = l.first("elevforhold");
        assertEquals(3, l.end(first) - first);
        assertEquals("/e/a", l.href(first));
        assertEquals("/e/ab", l.href(first + 1));
        assertEquals("/e/b", l.href(first + 2));
        assertEquals("/k/1", l.href(l.first("klasse")));
        assertEquals(-1, l.first("nope"));
        ByteSink out = new ByteSink();
        l.writeHref(first, out);
        assertEquals("/e/a", out.toString());
        assertTrue(l.isPath(first));
        assertTrue(InverseLinks.builder().build().isEmpty());
        assertTrue(InverseLinks.compareHrefs("/a\u001Fx", "/a") == 0 && InverseLinks.compareHrefs("/a", "/ab\u001F") < 0);
    }
}
