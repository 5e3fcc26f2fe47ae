package no.fint.platform.adapter;

import no.fint.platform.canonical.Violation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContractCheckTest {

    private static final Capability ELEV = new Capability("utdanning", "elev", "elev", "/utdanning/elev/elev", 1, null);

    @Test
    void aValidContract() {
        List<Violation> out = new ArrayList<>();
        ContractCheck.check("https://vigoiks.no/fint-no/utdanning/elev", "fint.no", null, List.of(ELEV), 1, out);
        assertTrue(out.isEmpty());
    }

    @Test
    void everyFault() {
        List<Violation> out = new ArrayList<>();
        ContractCheck.check(" ", "FINT", 0, List.of(ELEV, ELEV), 2, out);
        assertEquals(List.of("adapterId", "orgId", "heartbeatIntervalInMinutes", "capabilities"), out.stream().map(Violation::field).toList());
        out.clear();
        ContractCheck.check("a", "fint.no", 1, List.of(), 0, out);
        assertEquals("a contract declares at least one capability", out.get(0).reason());
    }

    @Test
    void anAdapterIdWithAnUnpairedSurrogateIsRefused() {
        // its Kafka key would be "a?", another adapter's contract
        List<Violation> out = new ArrayList<>();
        ContractCheck.check("a\udc00", "fint.no", null, List.of(ELEV), 1, out);
        assertEquals(List.of("adapterId"), out.stream().map(Violation::field).toList());
        assertTrue(out.get(0).reason().contains("unpaired UTF-16 surrogate"), out.get(0).reason());
    }
}
