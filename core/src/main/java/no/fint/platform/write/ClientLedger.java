package no.fint.platform.write;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A consumer's view of its organisation's write requests, for the status endpoint: each request it
 * sent (tracked when sent, and folded back in from the write log after a restart) and its outcome,
 * the first {@link WriteEvent.Answered} or {@link WriteEvent.Expired} in log order. Leases are the
 * provider's business and ignored. Outcomes of requests this consumer never saw are ignored too: their
 * requests are older than the log keeps, so the status is gone anyway. Thread-safe.
 */
public final class ClientLedger {

    /** v1 kept a status for 30 minutes after the write ({@code fint.consumer.status.cache}, expireAfterWrite). */
    public static final Duration KEPT = Duration.ofMinutes(30);

    /** A request and its outcome so far. */
    public record Tracked(WriteRequest request, WriteAnswer answer, long expiredAt) {
        public boolean expired() {
            return expiredAt >= 0;
        }

        public boolean pending() {
            return answer == null && expiredAt < 0;
        }
    }

    private final Map<String, Tracked> byCorrId = new ConcurrentHashMap<>();

    /** A request this consumer has just written to the log (before it reads it back). */
    public void track(WriteRequest request) {
        byCorrId.putIfAbsent(request.corrId(), new Tracked(request, null, -1));
    }

    /** Folds one record of the write log in (records of one corrId in log order). */
    public void apply(WriteEvent event) {
        switch (event) {
            case WriteEvent.Requested r -> byCorrId.putIfAbsent(r.corrId(), new Tracked(r.request(), null, -1));
            case WriteEvent.Leased l -> {
                // the provider's
            }
            case WriteEvent.Answered a -> byCorrId.computeIfPresent(a.corrId(),
                    (k, t) -> t.pending() ? new Tracked(t.request(), a.answer(), -1) : t);
            case WriteEvent.Expired x -> byCorrId.computeIfPresent(x.corrId(),
                    (k, t) -> t.pending() ? new Tracked(t.request(), null, x.at()) : t);
        }
    }

    public Optional<Tracked> get(String corrId) {
        return Optional.ofNullable(byCorrId.get(corrId));
    }

    /** Forgets requests created more than {@link #KEPT} before {@code now}; returns how many. */
    public int evict(long now) {
        long before = now - KEPT.toMillis();
        int n = 0;
        for (Iterator<Tracked> it = byCorrId.values().iterator(); it.hasNext(); ) {
            if (it.next().request().created() < before) {
                it.remove();
                n++;
            }
        }
        return n;
    }

    public int size() {
        return byCorrId.size();
    }
}
