package no.fint.platform.canonical.check;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FloatCheckTest {

    @Test
    void writtenAsJavaFloatToString() {
        assertEquals("1.0E7", FloatCheck.canonical(IntNode.valueOf(10_000_000)));
        assertEquals("3.0", FloatCheck.canonical(IntNode.valueOf(3)));
        assertEquals("12.5", FloatCheck.canonical(DoubleNode.valueOf(12.5)));
        assertEquals("0.1", FloatCheck.canonical(DoubleNode.valueOf(0.1)));
        assertEquals("1.0E-4", FloatCheck.canonical(DoubleNode.valueOf(0.0001)));
    }

    @Test
    void refusesNonNumbersAndOverflow() {
        assertNull(FloatCheck.canonical(TextNode.valueOf("1.5")));
        assertNull(FloatCheck.canonical(DoubleNode.valueOf(1e39)));
        assertEquals("number out of range for float", FloatCheck.reason(DoubleNode.valueOf(1e39)));
    }
}
