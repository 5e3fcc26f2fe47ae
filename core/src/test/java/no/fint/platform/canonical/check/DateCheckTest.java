package no.fint.platform.canonical.check;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class DateCheckTest {

    static String c(String text) {
        return DateCheck.canonical(TextNode.valueOf(text));
    }

    @Test
    void isoFormsAreNormalisedToSecondPrecisionUtc() {
        assertEquals("2019-08-01T00:00:00Z", c("2019-08-01T00:00:00Z"));
        assertEquals("2019-08-01T00:00:00Z", c("2019-08-01T00:00:00.999Z"));
        assertEquals("2019-07-31T22:00:00Z", c("2019-08-01T00:00:00+02:00"));
        assertEquals("2019-07-31T22:00:00Z", c("2019-08-01T00:00:00.123+0200"));
        assertEquals("2019-07-31T22:00:00Z", c("2019-08-01T00:00+02"));
        assertEquals("2019-08-01T01:30:00Z", c("2019-08-01T00:00:00-01:30"));
        assertEquals("2019-08-01T00:00:00Z", c("2019-08-01"));
        assertEquals("2019-08-01T10:15:00Z", c("2019-08-01T10:15"));
        assertEquals("2019-08-01T10:15:30Z", c("2019-08-01T10:15:30"));
        assertEquals("2019-08-01T10:15:30Z", c("2019-08-01 10:15:30.123456789"));
        assertEquals("2020-02-29T23:59:59Z", c("2020-02-29T23:59:59z"));
        assertEquals("0000-01-01T00:00:00Z", c("0000-01-01T00:00:00Z"));
    }

    @Test
    void epochMillisecondsRoundDownLikeJavaUtilDate() {
        assertEquals("2099-12-31T00:00:00Z", DateCheck.canonical(LongNode.valueOf(4102358400123L)));
        assertEquals("1970-01-01T00:00:00Z", DateCheck.canonical(LongNode.valueOf(999)));
        assertEquals("1969-12-31T23:59:59Z", DateCheck.canonical(LongNode.valueOf(-1)));
    }

    @Test
    void agreesWithJavaTimeOnRandomInstants() {
        Random r = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            long ms = r.nextLong(-62_000_000_000_000L, 253_000_000_000_000L);
            String expected = Instant.ofEpochMilli(ms).truncatedTo(ChronoUnit.SECONDS).toString();
            if (expected.length() == 19) { // java.time drops ":00" seconds
                expected = expected.substring(0, 16) + ":00Z";
            }
            assertEquals(expected, DateCheck.canonical(LongNode.valueOf(ms)), "ms " + ms);
            assertEquals(expected, c(expected.replace("Z", ".123+00:00")));
        }
    }

    @Test
    void refusesWhatIsNotADate() {
        for (String bad : new String[]{"", "2019", "2019-13-01", "2019-02-30", "2019-02-29", "2019-08-01T24:00:00Z",
                "2019-08-01T10:60", "2019-08-01T10", "2019-08-01Z1", "2019-08-01T10:15:30+2", "2019-08-01T10:15:30.Z",
                "01.08.2019", "2019-08-01T10:15:30+19:00", "yesterday", "1566172800000"}) {
            assertNull(c(bad), bad);
        }
        assertNull(DateCheck.canonical(BooleanNode.TRUE));
        assertNull(DateCheck.canonical(DoubleNode.valueOf(1.5)));
        assertNull(DateCheck.canonical(LongNode.valueOf(Long.MAX_VALUE)), "year beyond 9999");
        assertNotNull(DateCheck.reason(TextNode.valueOf("x")));
    }
}
