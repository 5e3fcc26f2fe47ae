package no.fint.platform.provider;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The queue of the provider's own acknowledged records stays within its bound (the rest is read back from Kafka). */
class EntityKeySinkTest {

    @Test
    void atMostThePendingBoundWaitsAndFailedRecordsAreNotQueued() {
        EntityKeySink sink = new EntityKeySink(null, 16, 1_000, 3);
        for (int i = 0; i < 5; i++) {
            sink.written("org.fint-core.entity.utdanning-elev", 0, i, "elev\u001F" + i, 1L, 7, false);
        }
        assertEquals(3, sink.pendingCount());
        sink.written("org.fint-core.entity.utdanning-elev", 1, -1, "elev\u001Fx", 1L, 7, false);
        assertEquals(3, sink.pendingCount(), "no offset (a failed send): not queued");
    }
}
