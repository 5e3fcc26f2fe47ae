package no.fint.platform.canonical.check;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class IntegerCheckTest {

    @Test
    void integersInRange() {
        assertNull(IntegerCheck.check("long", LongNode.valueOf(Long.MAX_VALUE)));
        assertNull(IntegerCheck.check("int", LongNode.valueOf(Integer.MIN_VALUE)));
        assertNotNull(IntegerCheck.check("int", LongNode.valueOf(Integer.MAX_VALUE + 1L)));
        assertNotNull(IntegerCheck.check("long", com.fasterxml.jackson.databind.node.BigIntegerNode.valueOf(BigInteger.TEN.pow(30))));
    }

    @Test
    void noFractionsNoStrings() {
        assertNotNull(IntegerCheck.check("long", DoubleNode.valueOf(1.0)));
        assertNotNull(IntegerCheck.check("long", TextNode.valueOf("1")));
    }
}
