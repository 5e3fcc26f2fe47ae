package no.fint.platform.adapter;

/**
 * Rule: an adapter is {@link #ALIVE} while its last heartbeat is at most {@code missedBeats} of its
 * contract's heartbeat intervals old, and {@link #MISSING} after that. Before its first heartbeat
 * it is {@link #AWAITING} for the same allowance after registration, then MISSING.
 */
public enum Liveness {
    ALIVE, MISSING, AWAITING;

    public static Liveness of(Contract contract, Long lastHeartbeat, int missedBeats, long now) {
        long allowance = contract.heartbeatIntervalInMinutes() * 60_000L * missedBeats;
        if (lastHeartbeat == null) {
            return now - contract.registeredAt() > allowance ? MISSING : AWAITING;
        }
        return now - lastHeartbeat > allowance ? MISSING : ALIVE;
    }
}
