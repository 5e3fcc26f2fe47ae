package no.fint.platform.adapter;

import no.fint.platform.canonical.Violation;
import no.fint.platform.model.InformationModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapabilityCheckTest {

    private static final CapabilityCheck CHECK = new CapabilityCheck(InformationModel.load("4.0.30"));

    @Test
    void resolvesKnownResourcesIncludingNestedPackages() {
        List<Violation> out = new ArrayList<>();
        assertEquals("/utdanning/elev/elev", CHECK.check("c[0]", "utdanning", "elev", "elev", 1, "IMMEDIATE", out).orElseThrow().resource());
        assertEquals("/felles/kodeverk/iso/kjonn", CHECK.check("c[1]", "felles", "kodeverk/iso", "kjonn", 7, null, out).orElseThrow().resource());
        assertTrue(out.isEmpty());
    }

    @Test
    void refusesUnknownResourcesAndIntervalsOutside1To7() {
        List<Violation> out = new ArrayList<>();
        assertTrue(CHECK.check("c[0]", "utdanning", "elev", "nope", 0, "SOMETIMES", out).isEmpty());
        assertEquals(List.of("c[0]", "c[0].fullSyncIntervalInDays", "c[0].deltaSyncInterval"), out.stream().map(Violation::field).toList());
        out.clear();
        assertTrue(CHECK.check("c", "utdanning", "elev", "elev", 8, null, out).isEmpty());
        assertTrue(CHECK.check("c", "utdanning", "elev", "elev", null, null, out).isEmpty());
        assertEquals(2, out.size());
    }
}
