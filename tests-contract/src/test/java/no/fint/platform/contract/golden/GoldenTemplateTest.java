package no.fint.platform.contract.golden;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The comparison the golden files rely on: exact outside tokens, narrow tokens, readable reports. */
class GoldenTemplateTest {

    @Test
    void equalTextMatchesAndAnyDifferenceIsReportedWhereItIs() {
        Map<String, String> vars = new HashMap<>();
        GoldenTemplate t = new GoldenTemplate("{\"a\":[],\"b\":\"x\"}");
        assertEquals(Optional.empty(), t.match("{\"a\":[],\"b\":\"x\"}", vars));
        String report = t.match("{\"a\":[],\"b\":\"y\"}", vars).orElseThrow();
        assertTrue(report.startsWith("first difference at character 13 (line 1)"), report);
        assertTrue(report.contains("expected  : x\"}") && report.contains("actual    : y\"}"), report);
        assertTrue(report.contains("--- expected (golden) ---") && report.contains("--- actual ---"), report);
        assertTrue(t.match("{\"a\":[],\"b\":\"x\"} ", vars).orElseThrow().contains("expected  : <end of body>"));
        assertTrue(t.match("{\"a\":[]", vars).orElseThrow().contains("actual    : <end of body>"));
        assertTrue(t.match("{\"a\":[], \"b\":\"x\"}", vars).isPresent(), "whitespace is a difference");
    }

    @Test
    void tokensMatchOnlyTheirShapeAndCapturesAreReused() {
        Map<String, String> vars = new HashMap<>();
        GoldenTemplate t = new GoldenTemplate("{\"lastUpdated\":\"{{ms:T}}\"}");
        assertEquals(Optional.empty(), t.match("{\"lastUpdated\":\"1764300000000\"}", vars));
        assertEquals("1764300000000", vars.get("T"));
        assertTrue(t.match("{\"lastUpdated\":\"\"}", new HashMap<>()).isPresent());
        assertTrue(t.match("{\"lastUpdated\":1764300000000}", new HashMap<>()).isPresent(), "a number is not a string");
        GoldenTemplate again = new GoldenTemplate("?sinceTimeStamp={{var:T}}");
        assertEquals(Optional.empty(), again.match("?sinceTimeStamp=1764300000000", vars));
        assertTrue(again.match("?sinceTimeStamp=1764300000001", vars).isPresent());
        assertTrue(new GoldenTemplate("{{var:NOPE}}").match("x", vars).orElseThrow().contains("no earlier case captured"));
        assertEquals("/x?s=1764300000000", GoldenTemplate.substitute("/x?s={{var:T}}", vars));
        assertThrows(IllegalArgumentException.class, () -> GoldenTemplate.substitute("{{ms}}", vars));

        GoldenTemplate shapes = new GoldenTemplate("{{instant}}|{{instantMs}}|{{uuid}}");
        assertEquals(Optional.empty(), shapes.match("2026-11-28T10:00:00Z|2026-11-28T10:00:00.123Z|0f8e4c1a-3b2d-4e5f-8a9b-0c1d2e3f4a5b", vars));
        assertTrue(shapes.match("2026-11-28T10:00:00.123Z|2026-11-28T10:00:00.123Z|0f8e4c1a-3b2d-4e5f-8a9b-0c1d2e3f4a5b", vars).isPresent(), "ms where none belong");
        assertTrue(shapes.match("2026-11-28T10:00:00Z|2026-11-28T10:00:00Z|0f8e4c1a-3b2d-4e5f-8a9b-0c1d2e3f4a5b", vars).isPresent());
        assertTrue(shapes.match("2026-11-28T10:00:00Z|2026-11-28T10:00:00.123Z|0F8E4C1A-3B2D-4E5F-8A9B-0C1D2E3F4A5B", vars).isPresent());

        // a write's corrId, captured from its Location for the status cases and the adapter's answer
        GoldenTemplate location = new GoldenTemplate("https://h/utdanning/elev/elev/status/{{uuid:W1}}");
        assertTrue(location.match("https://h/utdanning/elev/elev/status/not-a-uuid", vars).isPresent());
        assertEquals(null, vars.get("W1"), "nothing captured from a mismatch");
        assertEquals(Optional.empty(), location.match("https://h/utdanning/elev/elev/status/0f8e4c1a-3b2d-4e5f-8a9b-0c1d2e3f4a5b", vars));
        assertEquals("/status/0f8e4c1a-3b2d-4e5f-8a9b-0c1d2e3f4a5b", GoldenTemplate.substitute("/status/{{var:W1}}", vars));
    }
}
