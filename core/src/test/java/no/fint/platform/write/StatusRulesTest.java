package no.fint.platform.write;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Every row of the v1 status table (fint-v1-consumer-api.md section 4). */
class StatusRulesTest {

    static final long T0 = 1_000_000;

    static WriteRequest request(Operation op) {
        return new WriteRequest("c1", "fint.no", "/utdanning/elev/elev", op, op == Operation.UPDATE ? "systemid/1" : null, "{}",
                T0, T0 + 120_000, "client");
    }

    static WriteAnswer answer(Operation op, ResponseStatus s, String message, String statusCode, List<Problem> problems, String resource) {
        return new WriteAnswer("c1", "fint.no", "a", op, s, message, statusCode, problems, "1", resource, T0 + 5, T0 + 6, 0, 3);
    }

    static StatusRules.StatusAnswer decide(ClientLedger.Tracked t, boolean applied) {
        return StatusRules.decide(t, "fint.no", T0 + 1_000, applied, false);
    }

    static String body(StatusRules.StatusAnswer a) {
        return new String(a.body(), StandardCharsets.UTF_8);
    }

    @Test
    void unknownIsGone() {
        StatusRules.StatusAnswer a = decide(null, true);
        assertEquals(410, a.status());
        assertEquals(StatusRules.Kind.EMPTY, a.kind());
    }

    @Test
    void olderThanThirtyMinutesIsGoneWhateverItsState() {
        ClientLedger.Tracked t = new ClientLedger.Tracked(request(Operation.CREATE), null, -1);
        assertEquals(202, StatusRules.decide(t, "fint.no", T0 + 30 * 60_000, true, false).status());
        assertEquals(410, StatusRules.decide(t, "fint.no", T0 + 30 * 60_000 + 1, true, false).status());
    }

    @Test
    void anotherOrganisationIsInvalidOrgId() {
        ClientLedger.Tracked t = new ClientLedger.Tracked(request(Operation.CREATE), null, -1);
        StatusRules.StatusAnswer a = StatusRules.decide(t, "rogfk.no", T0, true, false);
        assertEquals(400, a.status());
        assertEquals("{\"message\":\"Invalid OrgId\"}", body(a));
    }

    @Test
    void pendingIsAccepted() {
        StatusRules.StatusAnswer a = decide(new ClientLedger.Tracked(request(Operation.CREATE), null, -1), true);
        assertEquals(202, a.status());
        assertEquals(StatusRules.Kind.EMPTY, a.kind());
    }

    @Test
    void expiredIsTheV1ExpiredError() {
        StatusRules.StatusAnswer a = decide(new ClientLedger.Tracked(request(Operation.CREATE), null, T0 + 120_000), true);
        assertEquals(500, a.status());
        assertEquals("{\"message\":\"Event expired\",\"statusCode\":\"EXPIRED\",\"responseStatus\":\"ERROR\"}", body(a));
    }

    @Test
    void anErrorIs500WithTheAdaptersWords() {
        ClientLedger.Tracked t = new ClientLedger.Tracked(request(Operation.CREATE),
                answer(Operation.CREATE, ResponseStatus.ERROR, "Databasen svarer ikke", "DB_DOWN", null, null), -1);
        StatusRules.StatusAnswer a = decide(t, false);
        assertEquals(500, a.status());
        assertEquals("{\"message\":\"Databasen svarer ikke\",\"statusCode\":\"DB_DOWN\",\"responseStatus\":\"ERROR\"}", body(a));
    }

    @Test
    void aRejectionTakesTheStatusItsCodeNamesElse400() {
        List<Problem> problems = List.of(new Problem("elevnummer", "ukjent", "E42"), new Problem(null, "mangler", null));
        ClientLedger.Tracked notFound = new ClientLedger.Tracked(request(Operation.UPDATE),
                answer(Operation.UPDATE, ResponseStatus.REJECTED, "Elev finnes ikke", "NOT_FOUND", problems, null), -1);
        StatusRules.StatusAnswer a = decide(notFound, false);
        assertEquals(404, a.status());
        assertEquals("{\"message\":\"Elev finnes ikke\",\"statusCode\":\"NOT_FOUND\",\"responseStatus\":\"REJECTED\","
                + "\"problems\":[{\"field\":\"elevnummer\",\"message\":\"ukjent\",\"code\":\"E42\"},{\"message\":\"mangler\"}]}", body(a));
        assertEquals(410, decide(new ClientLedger.Tracked(request(Operation.UPDATE),
                answer(Operation.UPDATE, ResponseStatus.REJECTED, "borte", "GONE", null, null), -1), false).status());
        assertEquals(400, decide(new ClientLedger.Tracked(request(Operation.UPDATE),
                answer(Operation.UPDATE, ResponseStatus.REJECTED, "nei", "SOMETHING_ELSE", null, null), -1), false).status());
        assertEquals(400, decide(new ClientLedger.Tracked(request(Operation.UPDATE),
                answer(Operation.UPDATE, ResponseStatus.REJECTED, "nei", null, List.of(), null), -1), false).status());
        assertEquals(400, decide(new ClientLedger.Tracked(request(Operation.UPDATE),
                answer(Operation.UPDATE, ResponseStatus.REJECTED, "nei", "OK", null, null), -1), false).status(),
                "a rejection is never answered as a success");
        assertEquals(422, decide(new ClientLedger.Tracked(request(Operation.UPDATE),
                answer(Operation.UPDATE, ResponseStatus.REJECTED, "nei", "UNPROCESSABLE_ENTITY", null, null), -1), false).status());
    }

    @Test
    void aConflictIs409WithTheConflictingResource() {
        ClientLedger.Tracked t = new ClientLedger.Tracked(request(Operation.UPDATE),
                answer(Operation.UPDATE, ResponseStatus.CONFLICT, "endret", null, null, "{\"x\":1}"), -1);
        StatusRules.StatusAnswer a = decide(t, false);
        assertEquals(409, a.status());
        assertEquals(StatusRules.Kind.RESOURCE, a.kind());
        assertEquals("{\"x\":1}", a.resource());
    }

    @Test
    void anAcceptedValidateIs200WithTheEventResponse() {
        StatusRules.StatusAnswer a = decide(new ClientLedger.Tracked(request(Operation.VALIDATE),
                answer(Operation.VALIDATE, ResponseStatus.ACCEPTED, null, null, null, null), -1), false);
        assertEquals(200, a.status());
        assertEquals("{\"responseStatus\":\"ACCEPTED\"}", body(a));
    }

    @Test
    void anAcceptedDeleteIs204OnceTheCacheHasIt() {
        ClientLedger.Tracked t = new ClientLedger.Tracked(request(Operation.DELETE),
                answer(Operation.DELETE, ResponseStatus.ACCEPTED, null, null, null, null), -1);
        assertEquals(202, decide(t, false).status());
        StatusRules.StatusAnswer a = decide(t, true);
        assertEquals(204, a.status());
        assertEquals(StatusRules.Kind.EMPTY, a.kind());
    }

    @Test
    void anAcceptedCreateOrUpdateIsSeeOtherOnceTheCacheHasTheAdaptersVersion() {
        for (Operation op : List.of(Operation.CREATE, Operation.UPDATE)) {
            ClientLedger.Tracked t = new ClientLedger.Tracked(request(op), answer(op, ResponseStatus.ACCEPTED, null, null, null, "{\"s\":1}"), -1);
            assertEquals(202, decide(t, false).status(), "read your own write: not before the cache has it");
            StatusRules.StatusAnswer a = decide(t, true);
            assertEquals(303, a.status());
            assertEquals(StatusRules.Kind.RESOURCE_AT_LOCATION, a.kind());
            assertEquals("{\"s\":1}", a.resource());
            assertNull(a.body());
            assertEquals(201, StatusRules.decide(t, "fint.no", T0 + 1_000, true, true).status(), "fint.consumer.status.created");
        }
    }
}
