package no.fint.platform.canonical.check;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class StringCheckTest {

    @Test
    void onlyJsonStrings() {
        assertNull(StringCheck.check(TextNode.valueOf("")));
        assertNull(StringCheck.check(TextNode.valueOf("Ola")));
        assertEquals("expected a string, got the number 5", StringCheck.check(IntNode.valueOf(5)));
    }
}
