package no.fint.platform.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.fint.platform.canonical.Violation;
import no.fint.platform.model.InformationModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerCheckTest {

    static final InformationModel MODEL = InformationModel.load();
    static final ObjectMapper JSON = new ObjectMapper();
    static final AnswerCheck CHECK = new AnswerCheck(MODEL);

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static WriteRequest request(Operation op) {
        return new WriteRequest("c1", "fint.no", "/utdanning/elev/elev", op, op == Operation.UPDATE || op == Operation.DELETE ? "systemid/7" : null,
                "{}", 0, 120_000, null);
    }

    static AnswerCheck.Input input(String op, String identifier, String resource, Boolean failed, Boolean rejected, Boolean conflicted) {
        return new AnswerCheck.Input("c1", "fint.no", "a", op, 5L, identifier, resource == null ? null : tree(resource), failed, "feil",
                rejected, "avvist", conflicted, "konflikt", null, null, null);
    }

    static List<String> fields(List<Violation> v) {
        return v.stream().map(Violation::field).toList();
    }

    @Test
    void theShapeComesFirst() {
        assertEquals(List.of("operationType"), fields(AnswerCheck.shape(input(null, null, null, null, null, null))));
        assertEquals(List.of("operationType"), fields(AnswerCheck.shape(input("PATCH", null, null, null, null, null))));
        assertEquals(List.of("failed/rejected/conflicted"), fields(AnswerCheck.shape(input("CREATE", null, null, true, true, null))));
        AnswerCheck.Input none = new AnswerCheck.Input(null, " ", null, "CREATE", null, null, null, null, null, null, null, null, null, null, null, null);
        assertEquals(List.of("corrId", "orgId", "adapterId"), fields(AnswerCheck.shape(none)));
        assertTrue(AnswerCheck.shape(input("CREATE", null, null, false, false, false)).isEmpty());
    }

    @Test
    void anAcceptedCreateReturnsAValidResourceAndItsIdentifier() {
        AnswerCheck.Result ok = CHECK.check(input("CREATE", "7", "{\"systemId\":{\"identifikatorverdi\":\"7\"},\"elevnummer\":{\"identifikatorverdi\":\"100\"}}",
                null, null, null), request(Operation.CREATE), 99);
        assertFalse(ok.refused(), ok.violations().toString());
        assertEquals("7", ok.answer().identifier());
        assertEquals("{\"elevnummer\":{\"identifikatorverdi\":\"100\"},\"systemId\":{\"identifikatorverdi\":\"7\"}}", ok.answer().resource());
        assertEquals(ResponseStatus.ACCEPTED, ok.answer().status());
        assertEquals(5, ok.answer().handledAt());
        assertEquals(99, ok.answer().answeredAt());

        assertEquals(List.of("value.resource"), fields(CHECK.check(input("CREATE", "7", null, null, null, null), request(Operation.CREATE), 0).violations()));
        assertEquals(List.of("value.identifier"), fields(CHECK.check(input("CREATE", "8", "{\"systemId\":{\"identifikatorverdi\":\"7\"}}",
                null, null, null), request(Operation.CREATE), 0).violations()));
        assertEquals(List.of("value.resource.ukjent"), fields(CHECK.check(input("CREATE", "7", "{\"systemId\":{\"identifikatorverdi\":\"7\"},\"ukjent\":1}",
                null, null, null), request(Operation.CREATE), 0).violations()));
        assertEquals(List.of("value.resource.systemId"), fields(CHECK.check(input("CREATE", "7", "{\"elevnummer\":{\"identifikatorverdi\":\"7\"}}",
                null, null, null), request(Operation.CREATE), 0).violations()));
    }

    @Test
    void anUpdateKeepsTheIdentifierOfTheRoute() {
        assertTrue(CHECK.check(input("UPDATE", "7", "{\"systemId\":{\"identifikatorverdi\":\"7\"}}", null, null, null),
                request(Operation.UPDATE), 0).violations().isEmpty());
        assertEquals(List.of("value.resource"), fields(CHECK.check(input("UPDATE", "8", "{\"systemId\":{\"identifikatorverdi\":\"8\"}}",
                null, null, null), request(Operation.UPDATE), 0).violations()));
    }

    @Test
    void theOperationIsTheRequests() {
        assertEquals(List.of("operationType"), fields(CHECK.check(input("UPDATE", "7", "{\"systemId\":{\"identifikatorverdi\":\"7\"}}",
                null, null, null), request(Operation.CREATE), 0).violations()));
    }

    @Test
    void anAcceptedDeleteNamesItsIdentifier() {
        AnswerCheck.Result ok = CHECK.check(input("DELETE", "7", null, null, null, null), request(Operation.DELETE), 0);
        assertEquals("7", ok.answer().identifier());
        assertEquals(List.of("value.identifier"), fields(CHECK.check(input("DELETE", null, null, null, null, null), request(Operation.DELETE), 0).violations()));
    }

    @Test
    void aConflictCarriesAValidConflictingResource() {
        AnswerCheck.Result ok = CHECK.check(input("UPDATE", null, "{\"systemId\":{\"identifikatorverdi\":\"7\"}}", null, null, true),
                request(Operation.UPDATE), 0);
        assertFalse(ok.refused(), ok.violations().toString());
        assertEquals(ResponseStatus.CONFLICT, ok.answer().status());
        assertEquals("konflikt", ok.answer().message());
        assertEquals(List.of("value.resource"), fields(CHECK.check(input("UPDATE", null, null, null, null, true), request(Operation.UPDATE), 0).violations()));
    }

    @Test
    void errorsRejectionsAndValidationsNeedNoValueAndKeepTheAdaptersWords() {
        List<Problem> problems = List.of(new Problem("elevnummer", "ugyldig", "E1"));
        AnswerCheck.Input rejected = new AnswerCheck.Input("c1", "fint.no", "a", "CREATE", null, null, null, false, null, true, "Ugyldig elevnummer",
                false, null, null, "UNPROCESSABLE_ENTITY", problems);
        WriteAnswer a = CHECK.check(rejected, request(Operation.CREATE), 42).answer();
        assertEquals(ResponseStatus.REJECTED, a.status());
        assertEquals("Ugyldig elevnummer", a.message());
        assertEquals("UNPROCESSABLE_ENTITY", a.statusCode());
        assertEquals(problems, a.problems());
        assertEquals(42, a.handledAt(), "no handledAt: the provider's time");
        assertEquals(ResponseStatus.ERROR, CHECK.check(input("CREATE", null, null, true, null, null), request(Operation.CREATE), 0).answer().status());
        WriteAnswer v = CHECK.check(input("VALIDATE", null, null, null, null, null), request(Operation.VALIDATE), 0).answer();
        assertEquals(ResponseStatus.ACCEPTED, v.status());
        assertFalse(v.writesEntity());
    }

    @Test
    void anAcceptedDeleteOfAnIdentifierWithAnUnpairedSurrogateIsRefused() {
        // its tombstone's key would be "7?", another resource
        AnswerCheck.Result r = CHECK.check(input("DELETE", "7\ud800", null, null, null, null), request(Operation.DELETE), 0);
        assertEquals(List.of("value.identifier"), fields(r.violations()));
    }
}
