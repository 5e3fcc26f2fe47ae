package no.fint.platform.demo;

import no.fint.platform.demo.adapter.AdapterSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoMainTest {

    private static final Set<String> OPTIONS = Set.of("org", "size", "seed", "provider", "page-size", "interval", "rounds",
            "changes", "deletes", "heartbeat", "adapter-id", "status-wait");

    private static AdapterSettings parse(String... args) {
        return DemoMain.settings(new Args(List.of(args), OPTIONS));
    }

    @Test
    void optionsBecomeSettings() {
        AdapterSettings s = parse("--org", "rogfk.no", "--size", "MEDIUM", "--page-size", "200", "--interval", "2.5s",
                "--rounds", "3", "--provider", "http://provider:8081/", "--heartbeat=2", "--seed", "9");
        assertEquals("rogfk.no", s.orgId());
        assertEquals(DataSet.Size.MEDIUM, s.size());
        assertEquals(9, s.seed());
        assertEquals(200, s.pageSize());
        assertEquals(Duration.ofMillis(2500), s.interval());
        assertEquals(3, s.rounds());
        assertEquals(2, s.heartbeatMinutes());
        assertEquals("http://provider:8081", s.provider().toString());
        assertEquals("https://demo-adapter.fint.no/rogfk-no/demo", s.adapterId());
    }

    @Test
    void defaultsAreTheProviderOfFintUpSmallAndNoRoundLimit() {
        AdapterSettings s = parse();
        assertEquals("fint.no", s.orgId());
        assertEquals(DataSet.Size.SMALL, s.size());
        assertEquals(500, s.pageSize());
        assertEquals(0, s.rounds());
        assertEquals(Duration.ofSeconds(5), s.interval());
        assertTrue(s.provider().toString().startsWith("http://localhost:"));
    }

    @Test
    void badOptionsAreRefusedWithTheReason() {
        assertTrue(assertThrows(Args.UsageException.class, () -> parse("--sise", "small")).getMessage().contains("unknown option --sise"));
        assertTrue(assertThrows(Args.UsageException.class, () -> parse("--size", "huge")).getMessage().contains("small, medium or large"));
        assertTrue(assertThrows(Args.UsageException.class, () -> parse("--org", "Not An Org")).getMessage().contains("organisation id"));
        assertTrue(assertThrows(Args.UsageException.class, () -> parse("--page-size", "0")).getMessage().contains("between 1"));
        assertTrue(assertThrows(Args.UsageException.class, () -> parse("--interval", "soon")).getMessage().contains("seconds"));
        assertTrue(assertThrows(Args.UsageException.class, () -> parse("--provider", "localhost:8081")).getMessage().contains("http"));
        assertTrue(assertThrows(Args.UsageException.class, () -> parse("--rounds")).getMessage().contains("needs a value"));
        assertTrue(assertThrows(Args.UsageException.class, () -> parse("small")).getMessage().contains("unexpected argument"));
    }
}
