package no.fint.platform.canonical.check;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PageIdentifierCheckTest {

    @Test
    void missingAndDuplicateIdentifiers() {
        PageIdentifierCheck c = new PageIdentifierCheck(3);
        assertNull(c.check(0, "a"));
        assertEquals("missing", c.check(1, null));
        assertEquals("missing", c.check(2, " "));
        assertEquals("duplicate identifier 'a' (also at index 0)", c.check(3, "a"));
        assertNull(c.check(4, "b"));
    }
}
