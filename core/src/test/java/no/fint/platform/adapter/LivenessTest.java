package no.fint.platform.adapter;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LivenessTest {

    private static final long MIN = 60_000;
    private static final Contract EVERY_2_MIN = new Contract("a", "fint.no", null, 2, List.of(), 1_000);

    @Test
    void aliveWithinTheAllowanceMissingAfter() {
        assertEquals(Liveness.ALIVE, Liveness.of(EVERY_2_MIN, 10 * MIN, 2, 14 * MIN));
        assertEquals(Liveness.MISSING, Liveness.of(EVERY_2_MIN, 10 * MIN, 2, 14 * MIN + 1));
    }

    @Test
    void awaitingTheFirstHeartbeatAfterRegistration() {
        assertEquals(Liveness.AWAITING, Liveness.of(EVERY_2_MIN, null, 2, 1_000 + 4 * MIN));
        assertEquals(Liveness.MISSING, Liveness.of(EVERY_2_MIN, null, 2, 1_000 + 4 * MIN + 1));
    }
}
