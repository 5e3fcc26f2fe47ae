package no.fint.platform.write;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WriteLedgerTest {

    static final Duration LEASE = Duration.ofSeconds(60);
    static final String ELEV = "/utdanning/elev/elev";

    static WriteRequest request(String corrId, long created, long ttl) {
        return new WriteRequest(corrId, "fint.no", ELEV, Operation.CREATE, null, "{}", created, created + ttl, "client");
    }

    static WriteAnswer accepted(String corrId, long at) {
        return new WriteAnswer(corrId, "fint.no", "a", Operation.CREATE, ResponseStatus.ACCEPTED, null, null, null, "1", "{}", at, at, 0, 7);
    }

    static WriteLedger ledger(WriteRequest... requests) {
        WriteLedger l = new WriteLedger(Duration.ofMinutes(25));
        for (WriteRequest r : requests) {
            l.apply(new WriteEvent.Requested(r), r.created());
        }
        return l;
    }

    static List<WriteLedger.Grant> poll(WriteLedger l, String adapter, long now) {
        return l.lease("fint.no", adapter, r -> true, 0, now, LEASE);
    }

    @Test
    void aLeasedRequestGoesToNobodyElseUntilTheLeaseRunsOut() {
        WriteLedger l = ledger(request("c1", 0, 120_000));
        assertEquals(1, poll(l, "a", 1_000).size());
        assertTrue(poll(l, "b", 2_000).isEmpty(), "another adapter");
        assertTrue(poll(l, "a", 2_000).isEmpty(), "another instance of the same adapter");
        assertTrue(poll(l, "b", 60_999).isEmpty(), "just before the lease runs out");
        List<WriteLedger.Grant> again = poll(l, "b", 61_000);
        assertEquals(1, again.size(), "the lease ran out unanswered");
        assertEquals("b", again.get(0).event().adapterId());
        assertEquals(121_000, again.get(0).event().until());
    }

    @Test
    void leasesRespectOrganisationFilterSizeAndOrder() {
        WriteLedger l = ledger(request("c1", 0, 120_000), request("c2", 1, 120_000), request("c3", 2, 120_000));
        assertTrue(l.lease("rogfk.no", "a", r -> true, 0, 10, LEASE).isEmpty());
        assertTrue(l.lease("fint.no", "a", r -> false, 0, 10, LEASE).isEmpty());
        List<WriteLedger.Grant> two = l.lease("fint.no", "a", r -> true, 2, 10, LEASE);
        assertEquals(List.of("c1", "c2"), two.stream().map(g -> g.event().corrId()).toList());
        assertEquals(List.of("c3"), poll(l, "b", 11).stream().map(g -> g.event().corrId()).toList());
    }

    @Test
    void oldestFirstWhateverOrderTheLogIsReadIn() {
        WriteLedger l = ledger(request("late", 30, 120_000), request("early", 10, 120_000), request("mid", 20, 120_000));
        assertEquals(List.of("early", "mid", "late"), poll(l, "a", 40).stream().map(g -> g.event().corrId()).toList());
    }

    @Test
    void aRevertedLeaseIsFreeAgain() {
        WriteLedger l = ledger(request("c1", 0, 120_000));
        List<WriteLedger.Grant> g = poll(l, "a", 1_000);
        l.revert(g);
        assertEquals(1, poll(l, "b", 1_001).size());
    }

    @Test
    void theFirstAnswerWinsAndASecondIsTold() {
        WriteLedger l = ledger(request("c1", 0, 120_000));
        poll(l, "a", 1_000);
        WriteLedger.AnswerClaim first = l.claimAnswer("c1", 2_000);
        assertInstanceOf(WriteLedger.AnswerClaim.Claimed.class, first);
        assertInstanceOf(WriteLedger.AnswerClaim.Busy.class, l.claimAnswer("c1", 2_001), "while the first is being written");
        assertTrue(l.apply(new WriteEvent.Answered(accepted("c1", 2_000)), 2_010));
        WriteLedger.AnswerClaim second = l.claimAnswer("c1", 2_020);
        assertInstanceOf(WriteLedger.AnswerClaim.AlreadyAnswered.class, second);
        assertTrue(poll(l, "b", 100_000).isEmpty(), "answered requests are never handed out");
        assertTrue(l.claimExpiries(500_000).isEmpty(), "answered requests never expire");
        assertEquals(WriteLedger.State.ANSWERED, l.view("c1", 0).orElseThrow().state());
    }

    @Test
    void anAnswerFromAnotherAdapterThanTheLeaseHolderIsTakenIfFirst() {
        WriteLedger l = ledger(request("c1", 0, 120_000));
        poll(l, "a", 1_000);
        assertInstanceOf(WriteLedger.AnswerClaim.Claimed.class, l.claimAnswer("c1", 70_000));
    }

    @Test
    void aReleasedClaimLeavesTheRequestOpen() {
        WriteLedger l = ledger(request("c1", 0, 120_000));
        l.claimAnswer("c1", 1_000);
        l.release("c1");
        assertInstanceOf(WriteLedger.AnswerClaim.Claimed.class, l.claimAnswer("c1", 1_001));
    }

    @Test
    void unknownCorrIdsAreUnknown() {
        assertInstanceOf(WriteLedger.AnswerClaim.Unknown.class, ledger().claimAnswer("nope", 0));
    }

    @Test
    void anUnansweredRequestExpiresAtItsDeadlineOnce() {
        WriteLedger l = ledger(request("c1", 0, 120_000), request("c2", 0, 300_000));
        assertTrue(l.claimExpiries(119_999).isEmpty());
        List<WriteEvent.Expired> due = l.claimExpiries(120_000);
        assertEquals(List.of("c1"), due.stream().map(WriteEvent.Expired::corrId).toList());
        assertTrue(l.claimExpiries(120_001).isEmpty(), "claimed: not decided twice");
        assertInstanceOf(WriteLedger.AnswerClaim.Busy.class, l.claimAnswer("c1", 120_002));
        l.apply(due.get(0), 120_003);
        assertInstanceOf(WriteLedger.AnswerClaim.AlreadyExpired.class, l.claimAnswer("c1", 120_004));
        assertTrue(poll(l, "a", 120_005).stream().noneMatch(g -> g.event().corrId().equals("c1")));
    }

    @Test
    void anAnswerAfterTheDeadlineExpiresTheRequestInstead() {
        WriteLedger l = ledger(request("c1", 0, 120_000));
        WriteLedger.AnswerClaim c = l.claimAnswer("c1", 120_000);
        WriteLedger.AnswerClaim.ExpireNow now = assertInstanceOf(WriteLedger.AnswerClaim.ExpireNow.class, c);
        assertEquals("c1", now.event().corrId());
        assertTrue(l.claimExpiries(130_000).isEmpty(), "the answer path claimed the expiry");
    }

    @Test
    void expiredRequestsAreNotLeased() {
        WriteLedger l = ledger(request("c1", 0, 120_000));
        assertTrue(poll(l, "a", 120_000).isEmpty());
    }

    @Test
    void theDeadlineIsCappedByTheMaximumTimeToLive() {
        WriteLedger l = new WriteLedger(Duration.ofMinutes(25));
        WriteRequest r = request("c1", 0, Duration.ofHours(5).toMillis());
        assertEquals(Duration.ofMinutes(25).toMillis(), l.deadline(r));
        WriteRequest noTtl = new WriteRequest("c2", "fint.no", ELEV, Operation.CREATE, null, "{}", 10, 0, null);
        assertEquals(10 + Duration.ofMinutes(25).toMillis(), l.deadline(noTtl));
    }

    /**
     * FINT v2's defect: after a restart, answered requests replayed before their answers expired
     * falsely. Here the folded log decides: an answer before the expiry record wins, and a restarted
     * ledger folding the log at any later time finds the request answered, never due for expiry.
     */
    @Test
    void replayingTheLogAfterARestartNeverExpiresAnAnsweredRequest() {
        List<WriteEvent> log = new ArrayList<>();
        WriteRequest r = request("c1", 0, 120_000);
        log.add(new WriteEvent.Requested(r));
        log.add(new WriteEvent.Leased("c1", "a", 1_000, 61_000));
        log.add(new WriteEvent.Answered(accepted("c1", 2_000)));
        log.add(new WriteEvent.Expired("c1", "fint.no", 200_000)); // a second provider's late sweep: must not count
        WriteLedger restarted = new WriteLedger(Duration.ofMinutes(25));
        long muchLater = 10_000_000;
        for (WriteEvent e : log) {
            restarted.apply(WriteEvents.read(WriteEvents.write(e)), muchLater);
        }
        assertEquals(WriteLedger.State.ANSWERED, restarted.view("c1", muchLater).orElseThrow().state());
        assertTrue(restarted.claimExpiries(muchLater).isEmpty());
        assertInstanceOf(WriteLedger.AnswerClaim.AlreadyAnswered.class, restarted.claimAnswer("c1", muchLater));
    }

    @Test
    void aRestartKeepsPendingRequestsAndTheirLeases() {
        WriteLedger before = ledger(request("c1", 0, 120_000), request("c2", 0, 120_000));
        List<WriteEvent> log = new ArrayList<>();
        log.add(new WriteEvent.Requested(request("c1", 0, 120_000)));
        log.add(new WriteEvent.Requested(request("c2", 0, 120_000)));
        log.addAll(poll(before, "a", 1_000).stream().filter(g -> g.event().corrId().equals("c1")).map(WriteLedger.Grant::event).toList());
        WriteLedger after = new WriteLedger(Duration.ofMinutes(25));
        log.forEach(e -> after.apply(e, 5_000));
        List<WriteLedger.Grant> g = poll(after, "b", 5_000);
        assertEquals(List.of("c2"), g.stream().map(x -> x.event().corrId()).toList());
        assertFalse(g.stream().anyMatch(x -> x.event().corrId().equals("c1")), "c1 is still leased to a");
    }

    @Test
    void anAnswerWhoseRequestWasForgottenStillMakesASecondAnswerLate() {
        WriteLedger l = new WriteLedger(Duration.ofMinutes(25));
        l.apply(new WriteEvent.Answered(accepted("c9", 5)), 10);
        assertInstanceOf(WriteLedger.AnswerClaim.AlreadyAnswered.class, l.claimAnswer("c9", 11));
    }

    @Test
    void evictionForgetsOnlyDecidedRequests() {
        WriteLedger l = ledger(request("c1", 0, 120_000), request("c2", 0, 120_000));
        l.apply(new WriteEvent.Answered(accepted("c1", 10)), 10);
        assertEquals(1, l.evict(Duration.ofMinutes(40).toMillis(), Duration.ofMinutes(35)));
        assertTrue(l.view("c1", 0).isEmpty());
        assertTrue(l.view("c2", 0).isPresent());
    }
}
