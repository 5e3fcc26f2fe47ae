package no.fint.platform.write;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The provider's state of every write request it knows, and the only place that decides about them:
 * who holds a lease, whether an answer is the first, when a request has expired. Pure (no I/O, one
 * lock): the caller writes the {@link WriteEvent}s a decision returns to the write log, and only then
 * tells the client or the adapter; a restarted provider folds the log back in with {@link #apply}.
 *
 * <p>States of a request: <b>open</b> (free, or leased to one adapter until a time), then exactly one
 * of <b>answered</b> or <b>expired</b>, whichever the log holds first. A decision being written is
 * <b>claimed</b> (an answer or the expiry), so a second answer or the expiry sweep meanwhile is told
 * so instead of deciding twice; a failed write releases the claim.
 *
 * <ul>
 *   <li>Lease: an open, unclaimed request before its deadline, not leased or with its lease run out,
 *   goes to the polling adapter for the lease time; nobody else gets it meanwhile, not even another
 *   poll of the same adapter. Oldest first.</li>
 *   <li>Answer: the first answer for an open request wins, whoever holds the lease (the adapter that
 *   answers did the write); any later one is refused.</li>
 *   <li>Expiry: an open request whose deadline passed (the request's {@code timeToLive}, at most
 *   {@code created + maxTimeToLive}) expires; an answer arriving after the deadline makes it expire
 *   instead of being taken. Only an {@link WriteEvent.Expired} record makes a request expired, and
 *   the log order decides between it and an answer, so an answered request never turns expired
 *   (FINT v2's false "Event expired" after a restart).</li>
 * </ul>
 */
public final class WriteLedger {

    private final long maxTimeToLive;
    private final Map<String, Entry> byCorrId = new HashMap<>();
    /**
     * Open requests per organisation, oldest first (by creation, then corrId: the order is the same
     * after a restart, whatever order the log's partitions are read in).
     */
    private final Map<String, TreeMap<OpenKey, Entry>> open = new HashMap<>();

    private record OpenKey(long created, String corrId) implements Comparable<OpenKey> {
        @Override
        public int compareTo(OpenKey o) {
            int c = Long.compare(created, o.created);
            return c != 0 ? c : corrId.compareTo(o.corrId);
        }
    }

    private static OpenKey key(String corrId, Entry e) {
        return new OpenKey(e.request.created(), corrId);
    }

    public WriteLedger(Duration maxTimeToLive) {
        this.maxTimeToLive = maxTimeToLive.toMillis();
    }

    private static final class Entry {
        WriteRequest request;
        String orgId;
        String leaseHolder;
        long leaseUntil;
        WriteAnswer answer;
        long expiredAt = -1;
        Claim claim;
        long seenAt;

        boolean terminal() {
            return answer != null || expiredAt >= 0;
        }
    }

    private enum Claim { ANSWER, EXPIRY }

    /** What a request looks like now. */
    public record View(WriteRequest request, String orgId, State state, String leaseHolder, long leaseUntil, long deadline,
                       WriteAnswer answer, long expiredAt) {
    }

    public enum State { OPEN, ANSWERED, EXPIRED }

    /** A lease handed out; {@code event} is what must be written to the log. */
    public record Grant(WriteRequest request, WriteEvent.Leased event, String previousHolder, long previousUntil) {
    }

    /** The outcome of {@link #claimAnswer}. */
    public sealed interface AnswerClaim {
        /** Unknown corrId (never requested, or forgotten). */
        record Unknown() implements AnswerClaim {
        }

        /** The answer may be written; write it, then {@link #apply} it (or {@link #release} on failure). */
        record Claimed(WriteRequest request) implements AnswerClaim {
        }

        /** Already answered (first answer won), by {@code answer}. */
        record AlreadyAnswered(WriteAnswer answer) implements AnswerClaim {
        }

        /** Already expired at {@code at}. */
        record AlreadyExpired(long at) implements AnswerClaim {
        }

        /** The deadline has passed: write {@code event} (then {@link #apply}, or {@link #release} on failure); the answer is refused. */
        record ExpireNow(WriteEvent.Expired event) implements AnswerClaim {
        }

        /** Another answer or the expiry of this request is being written right now. */
        record Busy() implements AnswerClaim {
        }
    }

    /** The deadline of a request: its timeToLive, but never later than created + maxTimeToLive. */
    public long deadline(WriteRequest r) {
        long cap = r.created() + maxTimeToLive;
        return r.timeToLive() <= 0 ? cap : Math.min(r.timeToLive(), cap);
    }

    /**
     * Folds one record of the write log in. Idempotent; records of one corrId must come in log order.
     * Clears a claim that the record settles. Returns true when the state changed.
     */
    public synchronized boolean apply(WriteEvent event, long now) {
        Entry e = byCorrId.get(event.corrId());
        switch (event) {
            case WriteEvent.Requested r -> {
                if (e != null && e.request != null) {
                    return false;
                }
                if (e == null) {
                    e = new Entry();
                    e.seenAt = now;
                    byCorrId.put(event.corrId(), e);
                }
                e.request = r.request();
                e.orgId = r.request().orgId();
                if (!e.terminal()) {
                    open.computeIfAbsent(e.orgId, k -> new TreeMap<>()).put(key(event.corrId(), e), e);
                }
                return true;
            }
            case WriteEvent.Leased l -> {
                if (e == null || e.terminal() || l.until() < e.leaseUntil) {
                    // A lease record read back late never shortens a lease granted after it.
                    return false;
                }
                boolean changed = !l.adapterId().equals(e.leaseHolder) || l.until() != e.leaseUntil;
                e.leaseHolder = l.adapterId();
                e.leaseUntil = l.until();
                return changed;
            }
            case WriteEvent.Answered a -> {
                if (e == null) {
                    // Its request is gone from the log (retention): remember the answer, so a late
                    // duplicate is told it came second.
                    e = stub(event.corrId(), a.answer().orgId(), now);
                }
                if (e.terminal()) {
                    return false;
                }
                e.answer = a.answer();
                settle(e, event.corrId());
                return true;
            }
            case WriteEvent.Expired x -> {
                if (e == null) {
                    e = stub(event.corrId(), x.orgId(), now);
                }
                if (e.terminal()) {
                    return false;
                }
                e.expiredAt = x.at();
                settle(e, event.corrId());
                return true;
            }
        }
    }

    private Entry stub(String corrId, String orgId, long now) {
        Entry e = new Entry();
        e.orgId = orgId;
        e.seenAt = now;
        byCorrId.put(corrId, e);
        return e;
    }

    private void settle(Entry e, String corrId) {
        e.claim = null;
        e.leaseHolder = null;
        TreeMap<OpenKey, Entry> m = e.request == null ? null : open.get(e.orgId);
        if (m != null) {
            m.remove(key(corrId, e));
            if (m.isEmpty()) {
                open.remove(e.orgId);
            }
        }
    }

    public synchronized Optional<View> view(String corrId, long now) {
        Entry e = byCorrId.get(corrId);
        if (e == null) {
            return Optional.empty();
        }
        State s = e.answer != null ? State.ANSWERED : e.expiredAt >= 0 ? State.EXPIRED : State.OPEN;
        return Optional.of(new View(e.request, e.orgId, s, e.leaseHolder, e.leaseUntil, e.request == null ? -1 : deadline(e.request),
                e.answer, e.expiredAt));
    }

    /**
     * Hands out leases on {@code orgId}'s open requests that {@code wanted} accepts (the adapter's
     * capabilities and the polled path), at most {@code size} (0: all), to {@code adapterId} until
     * {@code now + lease}. Takes effect at once; write the grants' events, or {@link #revert} them.
     */
    public synchronized List<Grant> lease(String orgId, String adapterId, Predicate<WriteRequest> wanted, int size, long now, Duration lease) {
        TreeMap<OpenKey, Entry> m = open.get(orgId);
        if (m == null) {
            return List.of();
        }
        List<Grant> grants = new ArrayList<>();
        for (Map.Entry<OpenKey, Entry> me : m.entrySet()) {
            if (size > 0 && grants.size() >= size) {
                break;
            }
            Entry e = me.getValue();
            if (e.claim != null || deadline(e.request) <= now || (e.leaseHolder != null && e.leaseUntil > now) || !wanted.test(e.request)) {
                continue;
            }
            long until = now + lease.toMillis();
            grants.add(new Grant(e.request, new WriteEvent.Leased(me.getKey().corrId(), adapterId, now, until), e.leaseHolder, e.leaseUntil));
            e.leaseHolder = adapterId;
            e.leaseUntil = until;
        }
        return grants;
    }

    /** Takes back leases whose records could not be written (the adapter is told nothing was handed out). */
    public synchronized void revert(List<Grant> grants) {
        for (Grant g : grants) {
            Entry e = byCorrId.get(g.event().corrId());
            if (e != null && !e.terminal() && g.event().adapterId().equals(e.leaseHolder) && e.leaseUntil == g.event().until()) {
                e.leaseHolder = g.previousHolder();
                e.leaseUntil = g.previousUntil();
            }
        }
    }

    /** Decides whether an answer for {@code corrId} may be written now (see {@link AnswerClaim}). */
    public synchronized AnswerClaim claimAnswer(String corrId, long now) {
        Entry e = byCorrId.get(corrId);
        if (e == null) {
            return new AnswerClaim.Unknown();
        }
        if (e.answer != null) {
            return new AnswerClaim.AlreadyAnswered(e.answer);
        }
        if (e.expiredAt >= 0) {
            return new AnswerClaim.AlreadyExpired(e.expiredAt);
        }
        if (e.claim != null) {
            return new AnswerClaim.Busy();
        }
        if (deadline(e.request) <= now) {
            e.claim = Claim.EXPIRY;
            return new AnswerClaim.ExpireNow(new WriteEvent.Expired(corrId, e.orgId, now));
        }
        e.claim = Claim.ANSWER;
        return new AnswerClaim.Claimed(e.request);
    }

    /**
     * Claims the expiry of every open, unclaimed request whose deadline has passed; write the events,
     * then {@link #apply} each (or {@link #release} it).
     */
    public synchronized List<WriteEvent.Expired> claimExpiries(long now) {
        List<WriteEvent.Expired> due = new ArrayList<>();
        for (TreeMap<OpenKey, Entry> m : open.values()) {
            for (Map.Entry<OpenKey, Entry> me : m.entrySet()) {
                Entry e = me.getValue();
                if (e.claim == null && deadline(e.request) <= now) {
                    e.claim = Claim.EXPIRY;
                    due.add(new WriteEvent.Expired(me.getKey().corrId(), e.orgId, now));
                }
            }
        }
        return due;
    }

    /** Releases a claim whose record could not be written; the request is open again. */
    public synchronized void release(String corrId) {
        Entry e = byCorrId.get(corrId);
        if (e != null && !e.terminal()) {
            e.claim = null;
        }
    }

    /**
     * Forgets requests answered or expired, and answers without a request, older than {@code keep}
     * (measured from the request's creation). Open requests are never forgotten: they expire first.
     * Returns how many were forgotten.
     */
    public synchronized int evict(long now, Duration keep) {
        long before = now - keep.toMillis();
        int n = 0;
        for (Iterator<Map.Entry<String, Entry>> it = byCorrId.entrySet().iterator(); it.hasNext(); ) {
            Entry e = it.next().getValue();
            long born = e.request != null ? e.request.created() : e.seenAt;
            if (e.terminal() && born < before) {
                it.remove();
                n++;
            }
        }
        return n;
    }

    /** Open requests, and of those the ones leased right now (for metrics). */
    public synchronized int[] openAndLeased(long now) {
        int o = 0;
        int l = 0;
        for (TreeMap<OpenKey, Entry> m : open.values()) {
            for (Entry e : m.values()) {
                o++;
                if (e.leaseHolder != null && e.leaseUntil > now) {
                    l++;
                }
            }
        }
        return new int[]{o, l};
    }

    /** Requests known (any state). */
    public synchronized int size() {
        return byCorrId.size();
    }
}
