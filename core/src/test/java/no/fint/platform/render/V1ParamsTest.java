package no.fint.platform.render;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class V1ParamsTest {

    @Test
    void defaultsWhitespaceSignsAndHex() throws Exception {
        assertEquals(0, V1Params.intParam(null));
        assertEquals(0, V1Params.intParam(""));
        assertEquals(12, V1Params.intParam(" 1 2 "));
        assertEquals(-3, V1Params.intParam("-3"));
        assertEquals(4, V1Params.intParam("+4"));
        assertEquals(16, V1Params.intParam("0x10"));
        assertEquals(-16, V1Params.intParam("-#10"));
        assertEquals(Integer.MAX_VALUE, V1Params.intParam("2147483647"));
        assertEquals(1559551091034L, V1Params.longParam("1559551091034"));
    }

    @Test
    void mismatchesCarrySpringsMessage() {
        V1Params.Mismatch m = assertThrows(V1Params.Mismatch.class, () -> V1Params.intParam("abc"));
        assertEquals("Failed to convert value of type 'java.lang.String' to required type 'int'; nested exception is "
                + "java.lang.NumberFormatException: For input string: \"abc\"", m.getMessage());
        m = assertThrows(V1Params.Mismatch.class, () -> V1Params.intParam("99999999999"));
        assertEquals("Failed to convert value of type 'java.lang.String' to required type 'int'; nested exception is "
                + "java.lang.NumberFormatException: For input string: \"99999999999\"", m.getMessage());
        m = assertThrows(V1Params.Mismatch.class, () -> V1Params.longParam("1.5"));
        assertEquals("Failed to convert value of type 'java.lang.String' to required type 'long'; nested exception is "
                + "java.lang.NumberFormatException: For input string: \"1.5\"", m.getMessage());
        assertThrows(V1Params.Mismatch.class, () -> V1Params.intParam(" "));
        assertThrows(V1Params.Mismatch.class, () -> V1Params.longParam("99999999999999999999999"));
    }
}
