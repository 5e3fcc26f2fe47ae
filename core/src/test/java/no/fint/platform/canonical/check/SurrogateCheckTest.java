package no.fint.platform.canonical.check;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SurrogateCheckTest {

    @Test
    void pairsPassAndUnpairedSurrogatesAreNamed() {
        for (String fine : new String[]{"qa", "æøå", "\uD83D\uDE00", "a\uD83D\uDE00b", "", null}) {
            assertNull(SurrogateCheck.check(fine), fine);
        }
        assertEquals("contains an unpaired UTF-16 surrogate (\\uD800 at index 2), which UTF-8 cannot encode", SurrogateCheck.check("qa\uD800"));
        assertTrue(SurrogateCheck.check("\uDE00\uD83D").contains("\\uDE00 at index 0"), "a pair in the wrong order is two unpaired");
        assertTrue(SurrogateCheck.check("\uD83D\uDE00\uD83D").contains("at index 2"));
    }

    @Test
    void aParsersCharacters() {
        char[] text = "x\uD83D\uDE00\uD800y".toCharArray();
        assertTrue(SurrogateCheck.wellFormed(text, 1, 2));
        assertFalse(SurrogateCheck.wellFormed(text, 1, 3));
        assertFalse(SurrogateCheck.wellFormed(text, 1, 1), "half of a pair cut off by the range");
    }
}
