package no.fint.platform.canonical.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ModelClass;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentifierCheckTest {

    private static final ModelClass ELEV = InformationModel.load("4.0.30").modelClass("utdanning.elev.Elev").orElseThrow();

    static JsonNode elev() throws Exception {
        return new ObjectMapper().readTree("""
                {"systemId":{"identifikatorverdi":"a/1"},"elevnummer":{"identifikatorverdi":"500001"},
                 "feidenavn":{"identifikatorverdi":"ola@vgs.no"}}""");
    }

    @Test
    void rawValueOrSelfLinkOfAnyIdentifier() throws Exception {
        assertEquals("500001", IdentifierCheck.match("500001", ELEV, elev()));
        assertEquals("a/1", IdentifierCheck.match("a/1", ELEV, elev()));
        assertEquals("500001", IdentifierCheck.match("${utdanning.elev.elev}/elevnummer/500001", ELEV, elev()));
        assertEquals("500001", IdentifierCheck.match("https://api.felleskomponent.no/utdanning/elev/elev/elevnummer/500001", ELEV, elev()));
        assertEquals("ola@vgs.no", IdentifierCheck.match("https://x/utdanning/elev/elev/feidenavn/ola%40vgs.no", ELEV, elev()));
    }

    @Test
    void noMatchIsExplained() throws Exception {
        assertNull(IdentifierCheck.match("999", ELEV, elev()));
        assertNull(IdentifierCheck.match(null, ELEV, elev()));
        String reason = IdentifierCheck.reason("999", ELEV, elev());
        assertTrue(reason.contains("elevnummer=500001"), reason);
        assertEquals("missing", IdentifierCheck.reason(" ", ELEV, elev()));
    }

    @Test
    void valueWithoutAResourceForDeletes() {
        assertEquals("5", IdentifierCheck.value("${utdanning.elev.elev}/systemid/5"));
        assertEquals("5", IdentifierCheck.value("https://x/utdanning/elev/elev/systemid/5/"));
        assertEquals("a:b", IdentifierCheck.value("a:b"));
        assertNull(IdentifierCheck.value(""));
        assertNull(IdentifierCheck.value("/"));
    }
}
