package no.fint.platform.records;

import no.fint.platform.model.Component;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicsTest {

    @Test
    void entityTopicsArePerOrganisationAndComponent() {
        assertEquals("fint-no.fint-core.entity.utdanning-elev", Topics.entity("fint.no", Component.parse("utdanning/elev")));
        assertEquals("rogfk-no.fint-core.entity.felles-kodeverk-iso", Topics.entity("rogfk.no", Component.parse("felles/kodeverk/iso")));
        assertTrue(Topics.entityPattern("fint.no").matcher("fint-no.fint-core.entity.utdanning-elev").matches());
        assertFalse(Topics.entityPattern("fint.no").matcher("rogfk-no.fint-core.entity.utdanning-elev").matches());
    }

    @Test
    void writeLogsArePerOrganisation() {
        assertEquals("rogfk-no.fint-core.write-event", Topics.writeEvents("rogfk.no"));
        assertTrue(Topics.ANY_WRITE_EVENTS.matcher(Topics.writeEvents("viken-fylke.no")).matches());
        assertFalse(Topics.ANY_WRITE_EVENTS.matcher("fint-no.fint-core.entity.utdanning-elev").matches());
    }

    @Test
    void refusesMalformedOrganisationIds() {
        assertThrows(IllegalArgumentException.class, () -> Topics.orgPart("Fint.no"));
        assertThrows(IllegalArgumentException.class, () -> Topics.orgPart("fint"));
        assertThrows(IllegalArgumentException.class, () -> Topics.orgPart("fint.no/../x"));
        assertTrue(Topics.validOrgId("viken-fylke.no"));
    }

    @Test
    void keysAndHeadersRoundTrip() {
        String key = RecordKeys.entity("elev", "a.b/c");
        assertEquals("elev", RecordKeys.resourceName(key));
        assertEquals("a.b/c", RecordKeys.identifier(key));
        assertEquals(1760000000123L, RecordHeaders.decodeLong(RecordHeaders.encodeLong(1760000000123L)));
    }
}
