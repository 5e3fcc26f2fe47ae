package no.fint.platform.write;

import com.fasterxml.jackson.databind.ObjectMapper;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ResourceType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientWriteCheckTest {

    static final InformationModel MODEL = InformationModel.load();
    static final ResourceType ELEV = MODEL.resourceByPath("/utdanning/elev/elev").orElseThrow();
    static final ClientWriteCheck CHECK = new ClientWriteCheck(MODEL);

    static ClientWriteCheck.Result check(Operation op, String json) throws Exception {
        return CHECK.check(ELEV, op, new ObjectMapper().readTree(json));
    }

    @Test
    void linksBecomeCanonicalPathsWhateverFormTheClientUses() throws Exception {
        ClientWriteCheck.Result r = check(Operation.UPDATE, "{\"systemId\":{\"identifikatorverdi\":\"1\"},\"_links\":{"
                + "\"person\":[{\"href\":\"https://beta.felleskomponent.no/utdanning/elev/person/fodselsnummer/123\"}],"
                + "\"elevforhold\":[{\"href\":\"${utdanning.elev.elevforhold}/systemid/5\"},{\"href\":\"http://example.no/other/thing\"}],"
                + "\"self\":[{\"href\":\"https://beta.felleskomponent.no/utdanning/elev/elev/systemid/1\"}]}}");
        assertFalse(r.refused(), r.problems().toString());
        assertEquals("{\"systemId\":{\"identifikatorverdi\":\"1\"},\"_links\":{\"person\":[{\"href\":\"/utdanning/elev/person/fodselsnummer/123\"}],"
                + "\"elevforhold\":[{\"href\":\"/utdanning/elev/elevforhold/systemid/5\"},{\"href\":\"https://example.no/other/thing\"}]}}", r.canonical());
    }

    @Test
    void aNewResourceMayLackItsIdentifiersAnUpdateMayNot() throws Exception {
        assertFalse(check(Operation.CREATE, "{\"elevnummer\":{\"identifikatorverdi\":\"100\"}}").refused());
        assertFalse(check(Operation.VALIDATE, "{}").refused());
        ClientWriteCheck.Result update = check(Operation.UPDATE, "{\"elevnummer\":{\"identifikatorverdi\":\"100\"}}");
        assertEquals(List.of(new Problem("systemId", "required", null)), update.problems());
    }

    @Test
    void everyViolationIsAProblemInTheRefusal() throws Exception {
        ClientWriteCheck.Result r = check(Operation.CREATE, "{\"ukjent\":1,\"gjest\":\"ja\",\"_links\":{\"skole\":[{\"href\":\"x\"}]}}");
        assertTrue(r.refused());
        assertEquals(3, r.problems().size(), r.problems().toString());
        String body = new String(ClientWriteCheck.refusal(ELEV, r.problems()), StandardCharsets.UTF_8);
        assertTrue(body.startsWith("{\"message\":\"Invalid Elev: 3 problem(s); nothing was sent\",\"statusCode\":\"BAD_REQUEST\","
                + "\"responseStatus\":\"REJECTED\",\"problems\":[{\"field\":\"ukjent\",\"message\":"), body);
    }

    @Test
    void theWritePolicyFollowsTheModelAndTheConfiguration() {
        WritePolicy p = new WritePolicy(MODEL, List.of("/utdanning/elev/elevforhold"), List.of("utdanning/elev/skoleressurs"));
        assertTrue(p.writeable(ELEV));
        assertFalse(p.deletable(ELEV));
        assertTrue(p.writeable(MODEL.resourceByPath("/utdanning/elev/elevforhold").orElseThrow()));
        assertTrue(p.deletable(MODEL.resourceByPath("/utdanning/elev/skoleressurs").orElseThrow()));
        assertFalse(p.writeable(MODEL.resourceByPath("/utdanning/elev/klasse").orElseThrow()));
        assertTrue(p.writeable(MODEL.resourceByPath("/utdanning/elev/person").orElseThrow()), "felles Person is writeable");
        assertThrows(IllegalArgumentException.class, () -> new WritePolicy(MODEL, List.of("/nope/nope/nope"), List.of()));
    }
}
