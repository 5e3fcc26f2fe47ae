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

    @Test
    void aLinkNamesTheSameValueWithOrWithoutAResource() throws Exception {
        String link = "https://x/utdanning/elev/elev/systemid/qa%20c";
        JsonNode resource = new ObjectMapper().readTree("{\"systemId\":{\"identifikatorverdi\":\"qa c\"}}");
        assertEquals("qa c", IdentifierCheck.match(link, ELEV, resource));
        assertEquals("qa c", IdentifierCheck.value(link), "a delete names the resource the upsert stored");
        assertEquals("a/1", IdentifierCheck.value("${utdanning.elev.elev}/systemid/a%2F1"));
        assertEquals("\u00e6", IdentifierCheck.value("/utdanning/elev/elev/systemid/%C3%A6"));
        // a path segment: '+' is a plus; no valid percent-encoded UTF-8: the segment as it is
        assertEquals("a+b", IdentifierCheck.value("${utdanning.elev.elev}/systemid/a+b"));
        assertEquals("50%", IdentifierCheck.value("${utdanning.elev.elev}/systemid/50%"));
        assertEquals("a%FFb", IdentifierCheck.value("${utdanning.elev.elev}/systemid/a%FFb"));
        // a raw value is never decoded
        assertEquals("qa%20c", IdentifierCheck.value("qa%20c"));
        assertNull(IdentifierCheck.match("qa%20c", ELEV, resource));
    }
}
