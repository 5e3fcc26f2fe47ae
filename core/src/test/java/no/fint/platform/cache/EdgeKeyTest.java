package no.fint.platform.cache;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class EdgeKeyTest {

    private static final String S = "\u001F";

    @Test
    void aKeyHasTargetRelationAndSourceWithItsOwnSeparator() {
        EdgeKey k = EdgeKey.parse("/utdanning/elev/elev/systemid/e1" + S + "elevforhold" + S + "utdanning-elev" + S + "elevforhold" + S + "ef1");
        assertEquals("/utdanning/elev/elev/systemid/e1", k.targetPath());
        assertEquals("elevforhold", k.relation());
        assertEquals("utdanning-elev" + S + "elevforhold" + S + "ef1", k.source());
    }

    @Test
    void aKeyWithoutFourNonEmptyPartsIsNoEdgeKey() {
        assertNull(EdgeKey.parse(null));
        assertNull(EdgeKey.parse("/a/b/c/d/e" + S + "rel" + S + "comp"));
        assertNull(EdgeKey.parse(S + "rel" + S + "comp" + S + "key"));
        assertNull(EdgeKey.parse("/t" + S + S + "comp" + S + "key"));
        assertNull(EdgeKey.parse("/t" + S + "rel" + S + S + "key"));
        assertNull(EdgeKey.parse("/t" + S + "rel" + S + "comp" + S));
    }
}
