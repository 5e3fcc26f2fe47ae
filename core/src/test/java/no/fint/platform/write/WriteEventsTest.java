package no.fint.platform.write;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WriteEventsTest {

    @Test
    void everyEventSurvivesTheRoundTrip() {
        List<WriteEvent> events = List.of(
                new WriteEvent.Requested(new WriteRequest("c1", "fint.no", "/utdanning/elev/elev", Operation.UPDATE, "systemid/1",
                        "{\"systemId\":{\"identifikatorverdi\":\"1\"}}", 10, 120_010, "klient")),
                new WriteEvent.Requested(new WriteRequest("c2", "fint.no", "/utdanning/elev/elev", Operation.DELETE, "systemid/1",
                        null, 10, 120_010, null)),
                new WriteEvent.Leased("c1", "adapter-1", 20, 60_020),
                new WriteEvent.Answered(new WriteAnswer("c1", "fint.no", "adapter-1", Operation.UPDATE, ResponseStatus.REJECTED,
                        "nei", "NOT_FOUND", List.of(new Problem("f", "m", null)), null, null, 30, 31, -1, -1)),
                new WriteEvent.Answered(new WriteAnswer("c3", "fint.no", "adapter-1", Operation.CREATE, ResponseStatus.ACCEPTED,
                        null, null, null, "9", "{\"a\":\"æ\"}", 30, 31, 2, 99)),
                new WriteEvent.Answered(new WriteAnswer("c4", "fint.no", "adapter-1", Operation.CREATE, ResponseStatus.ERROR,
                        null, null, List.of(), null, null, 30, 31, -1, -1)),
                new WriteEvent.Expired("c5", "fint.no", 40));
        for (WriteEvent e : events) {
            assertEquals(e, WriteEvents.read(WriteEvents.write(e)));
        }
    }

    @Test
    void unreadableRecordsAreRefusedWithAReason() {
        for (String bad : List.of("nope", "[]", "{\"type\":\"REQUESTED\"}", "{\"type\":\"WHAT\",\"corrId\":\"c\"}",
                "{\"type\":\"ANSWERED\",\"corrId\":\"c\",\"orgId\":\"fint.no\",\"operationType\":\"CREATE\",\"responseStatus\":\"MAYBE\"}")) {
            assertThrows(IllegalArgumentException.class, () -> WriteEvents.read(bad.getBytes(StandardCharsets.UTF_8)), bad);
        }
    }
}
