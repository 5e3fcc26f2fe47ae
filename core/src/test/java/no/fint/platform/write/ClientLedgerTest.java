package no.fint.platform.write;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientLedgerTest {

    static WriteRequest request(String corrId, long created) {
        return new WriteRequest(corrId, "fint.no", "/utdanning/elev/elev", Operation.CREATE, null, "{}", created, created + 120_000, null);
    }

    static WriteAnswer answer(String corrId) {
        return new WriteAnswer(corrId, "fint.no", "a", Operation.CREATE, ResponseStatus.ACCEPTED, null, null, null, "1", "{}", 1, 2, 0, 0);
    }

    @Test
    void theFirstOutcomeInLogOrderCounts() {
        ClientLedger l = new ClientLedger();
        l.track(request("c1", 0));
        l.apply(new WriteEvent.Requested(request("c1", 0)));
        l.apply(new WriteEvent.Leased("c1", "a", 1, 2));
        assertTrue(l.get("c1").orElseThrow().pending());
        l.apply(new WriteEvent.Answered(answer("c1")));
        l.apply(new WriteEvent.Expired("c1", "fint.no", 5));
        assertEquals(ResponseStatus.ACCEPTED, l.get("c1").orElseThrow().answer().status());
        assertTrue(!l.get("c1").orElseThrow().expired());

        l.apply(new WriteEvent.Requested(request("c2", 0)));
        l.apply(new WriteEvent.Expired("c2", "fint.no", 5));
        l.apply(new WriteEvent.Answered(answer("c2")));
        assertTrue(l.get("c2").orElseThrow().expired());
    }

    @Test
    void outcomesOfUnknownRequestsAreIgnoredAndOldOnesForgotten() {
        ClientLedger l = new ClientLedger();
        l.apply(new WriteEvent.Answered(answer("c9")));
        assertTrue(l.get("c9").isEmpty());
        l.apply(new WriteEvent.Requested(request("c1", 0)));
        l.apply(new WriteEvent.Requested(request("c2", 10 * 60_000)));
        assertEquals(1, l.evict(30 * 60_000 + 1));
        assertTrue(l.get("c1").isEmpty());
        assertTrue(l.get("c2").isPresent());
    }
}
