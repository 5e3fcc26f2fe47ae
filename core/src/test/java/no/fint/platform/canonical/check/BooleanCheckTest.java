package no.fint.platform.canonical.check;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class BooleanCheckTest {

    @Test
    void onlyJsonBooleans() {
        assertNull(BooleanCheck.check(BooleanNode.FALSE));
        assertNotNull(BooleanCheck.check(TextNode.valueOf("true")));
        assertNotNull(BooleanCheck.check(IntNode.valueOf(1)));
    }
}
