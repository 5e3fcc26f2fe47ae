package no.fint.platform.canonical.check;

import no.fint.platform.model.InformationModel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnownResourceCheckTest {

    private static final KnownResourceCheck CHECK = new KnownResourceCheck(InformationModel.load("4.0.30"));

    @Test
    void resourcesOfTheModelIncludingNestedPackagesAndFellesClasses() {
        assertEquals("/utdanning/elev/elev", CHECK.resolve("utdanning", "elev", "elev").orElseThrow().path());
        assertEquals("/utdanning/elev/elev", CHECK.resolve("Utdanning", "Elev", "ELEV").orElseThrow().path());
        assertEquals("/felles/kodeverk/iso/kjonn", CHECK.resolve("felles", "kodeverk.iso", "kjonn").orElseThrow().path());
        assertEquals("/felles/kodeverk/iso/kjonn", CHECK.resolve("felles", "kodeverk/iso", "kjonn").orElseThrow().path());
        assertEquals("/utdanning/elev/person", CHECK.resolve("utdanning", "elev", "person").orElseThrow().path());
    }

    @Test
    void unknownOnes() {
        assertTrue(CHECK.resolve("utdanning", "elev", "nope").isEmpty());
        assertTrue(CHECK.resolve("utdanning", "nope", "elev").isEmpty());
        assertTrue(CHECK.resolve("felles", "person", "person").isEmpty());
        assertTrue(CHECK.resolve("utdanning", "elev", "../elev").isEmpty());
        assertTrue(CHECK.reason("utdanning", "elev", "nope").contains("4.0.30"));
    }
}
