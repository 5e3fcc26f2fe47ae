package no.fint.platform.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Our escaping must equal Jackson's (the v1 mapper), and decoding must invert it. */
class JsonTextTest {

    static final String[] SAMPLES = {"", "plain", "a/b", "q\"uote", "back\\slash", "tab\tnew\nline\rcr\bbs\fff",
            "\u0001\u001F\u007F", "æøå ÆØÅ", "emoji \uD83D\uDE00", "<html>&'", "\u2028\u2029"};

    @Test
    void escapingMatchesJackson() throws Exception {
        ObjectMapper jackson = new ObjectMapper();
        for (String s : SAMPLES) {
            assertEquals(jackson.writeValueAsString(s), JsonText.quote(s), s);
        }
    }

    @Test
    void decodeInvertsEscaping() throws Exception {
        ObjectMapper jackson = new ObjectMapper();
        for (String s : SAMPLES) {
            byte[] json = jackson.writeValueAsBytes(s);
            assertEquals(s, JsonText.decode(json, 1, json.length - 1));
        }
        byte[] u = "a\\u00e6\\/b".getBytes(StandardCharsets.UTF_8);
        assertEquals("aæ/b", JsonText.decode(u, 0, u.length));
    }
}
