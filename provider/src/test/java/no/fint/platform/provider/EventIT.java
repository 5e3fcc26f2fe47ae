package no.fint.platform.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.write.Operation;
import no.fint.platform.write.ResponseStatus;
import no.fint.platform.write.WriteEvent;
import no.fint.platform.write.WriteRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The provider side of client writes against a real broker: requests put on the write log as a
 * consumer does, polled and answered over HTTP as an adapter does, and what reached Kafka read back.
 * Leases are 2 s here so a lease running out can be watched.
 */
@ExtendWith(KafkaBrokerExtension.class)
@HelidonTest
@AddConfig(key = "fint.provider.event.lease", value = "PT2S")
class EventIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ELEV = "/utdanning/elev/elev";

    @Inject
    WebTarget target;

    /** Once the provider is ready: the organisation's write log, and a registered adapter for elev. */
    String elevAdapter(String org) {
        ProviderServiceIT.Await.ready(target);
        Writes.log(org);
        return Adapters.register(target, org, "utdanning/elev/elev");
    }

    static List<String> corrIds(String body) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode n : JSON.readTree(body)) {
            out.add(n.get("corrId").asText());
        }
        return out;
    }

    @Test
    void aPolledRequestIsLeasedToThePollerAloneUntilTheLeaseRunsOut() throws Exception {
        String org = "lease.no";
        String a = elevAdapter(org);
        String b = Adapters.register(target, org, "utdanning/elev/elev");
        WriteRequest r = Writes.request(org, ELEV, Operation.CREATE, null, Writes.elev("x"), 120_000);

        String body = Writes.pollUntilSome(target, "/utdanning", org, a, 0);
        JsonNode got = JSON.readTree(body).get(0);
        assertEquals(r.corrId(), got.get("corrId").asText());
        assertEquals(org, got.get("orgId").asText());
        assertEquals("utdanning", got.get("domainName").asText());
        assertEquals("elev", got.get("packageName").asText());
        assertEquals("elev", got.get("resourceName").asText());
        assertEquals("CREATE", got.get("operationType").asText());
        assertEquals(r.created(), got.get("created").asLong());
        assertEquals(r.timeToLive(), got.get("timeToLive").asLong());
        assertEquals(Writes.elev("x"), got.get("value").asText());

        assertEquals("[]", Writes.poll(target, "/utdanning/elev/elev", org, b, 0).readEntity(String.class), "leased to a");
        assertEquals("[]", Writes.poll(target, "/utdanning/elev", org, a, 0).readEntity(String.class), "not even a again");
        List<WriteEvent.Leased> leases = Writes.events(org, WriteEvent.Leased.class);
        assertEquals(1, leases.size());
        assertEquals(a, leases.get(0).adapterId());
        assertEquals(2_000, leases.get(0).until() - leases.get(0).at());

        Writes.sleep(2_100);
        assertEquals(List.of(r.corrId()), corrIds(Writes.pollUntilSome(target, "/utdanning/elev/elev", org, b, 0)), "the lease ran out unanswered");
        assertEquals(b, Writes.events(org, WriteEvent.Leased.class).get(1).adapterId());
    }

    @Test
    void aLongPollAnswersAsSoonAsARequestArrivesAndAnIdleOneWhenItsWaitIsOver() throws Exception {
        String org = "longpoll.no";
        String a = elevAdapter(org);
        // The provider reads this organisation's log (a first request, polled and answered).
        WriteRequest first = Writes.request(org, ELEV, Operation.VALIDATE, null, Writes.elev("l0"), 120_000);
        Writes.pollUntilSome(target, "/utdanning/elev/elev", org, a, 0);
        assertEquals(200, Writes.answer(target, Writes.accepted(first, a, null, "null")).getStatus());

        // Nothing pending: an idle long poll answers [] once its wait is over.
        Response idle = target.path("/provider/event/utdanning").queryParam("wait", 300).request()
                .header("x-org-id", org).header("x-adapter-id", a).get();
        assertEquals(200, idle.getStatus());
        assertEquals("[]", idle.readEntity(String.class));

        // A long poll in the air when the request is written gets it (an at-once poll would have had []).
        java.util.concurrent.CompletableFuture<Response> waiting = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                target.path("/provider/event/utdanning/elev/elev").queryParam("wait", 20_000).request()
                        .header("x-org-id", org).header("x-adapter-id", a).get());
        Writes.sleep(500);
        assertFalse(waiting.isDone(), "the poll waits while nothing is pending");
        WriteRequest second = Writes.request(org, ELEV, Operation.CREATE, null, Writes.elev("l1"), 120_000);
        Response got = waiting.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(200, got.getStatus());
        assertEquals(List.of(second.corrId()), corrIds(got.readEntity(String.class)));
        assertEquals(a, Writes.events(org, WriteEvent.Leased.class).get(1).adapterId(), "leased as any poll leases");
    }

    @Test
    void twoPollersInParallelNeverGetTheSameRequest() throws Exception {
        String org = "parallel.no";
        String adapter = elevAdapter(org);
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            sent.add(Writes.request(org, ELEV, Operation.CREATE, null, Writes.elev("p" + i), 120_000).corrId());
        }
        Map<String, String> leasedBy = new ConcurrentHashMap<>();
        AtomicInteger duplicates = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(2);
        for (String instance : List.of("instance-1", "instance-2")) {
            Thread.ofPlatform().start(() -> {
                try {
                    long deadline = System.currentTimeMillis() + 30_000;
                    while (leasedBy.size() < sent.size() && System.currentTimeMillis() < deadline) {
                        // Two instances of one adapter: same adapterId, polling at the same time.
                        Response r = Writes.poll(target, "/utdanning/elev/elev", org, adapter, 3);
                        for (String c : corrIds(r.readEntity(String.class))) {
                            if (leasedBy.putIfAbsent(c, instance) != null) {
                                duplicates.incrementAndGet();
                            }
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        assertEquals(0, duplicates.get(), "a request handed out twice");
        assertEquals(sent, leasedBy.keySet());
        assertEquals(40, Writes.events(org, WriteEvent.Leased.class).size(), "one lease record per request");
    }

    @Test
    void anAcceptedCreateLandsOnTheEntityTopicAndTheFirstAnswerWins() throws Exception {
        String org = "answer.no";
        String adapter = elevAdapter(org);
        WriteRequest r = Writes.request(org, ELEV, Operation.CREATE, null, "{\"elevnummer\":{\"identifikatorverdi\":\"7\"}}", 120_000);
        Writes.pollUntilSome(target, "/utdanning/elev/elev", org, adapter, 1);

        String stored = "{\"systemId\":{\"identifikatorverdi\":\"s-1\"},\"elevnummer\":{\"identifikatorverdi\":\"7\"},\"gjest\":null,"
                + "\"_links\":{\"self\":[{\"href\":\"${utdanning.elev.elev}/systemid/s-1\"}],\"person\":[{\"href\":\"${felles.person}/fodselsnummer/1\"}]}}";
        Response ok = Writes.answer(target, Writes.accepted(r, adapter, "s-1", stored));
        assertEquals(200, ok.getStatus(), ok.readEntity(String.class));

        List<TestKafka.Rec> entities = TestKafka.read(Writes.bootstrap(), "answer-no.fint-core.entity.utdanning-elev");
        assertEquals(1, entities.size());
        TestKafka.Rec e = entities.get(0);
        assertEquals("elev\u001Fs-1", e.key());
        assertEquals("{\"elevnummer\":{\"identifikatorverdi\":\"7\"},\"systemId\":{\"identifikatorverdi\":\"s-1\"},"
                + "\"_links\":{\"self\":[],\"person\":[{\"href\":\"/utdanning/elev/person/fodselsnummer/1\"}]}}", e.value(),
                "canonical: the self sent before the relations keeps its place as the marker \"self\":[]");
        assertEquals(Map.of("resource-name", "elev", "sync-type", "EVENT", "corr-id", r.corrId()), e.headers());

        List<WriteEvent.Answered> answers = Writes.events(org, WriteEvent.Answered.class);
        assertEquals(1, answers.size());
        assertEquals(ResponseStatus.ACCEPTED, answers.get(0).answer().status());
        assertEquals(e.value(), answers.get(0).answer().resource());
        assertEquals("s-1", answers.get(0).answer().identifier());
        assertEquals(e.lastModified(), answers.get(0).answer().answeredAt());
        assertTrue(answers.get(0).answer().entityOffset() >= 0);

        Response second = Writes.answer(target, Writes.accepted(r, adapter, "s-1", stored));
        assertEquals(409, second.getStatus());
        assertTrue(second.readEntity(String.class).contains("Already answered"));
        assertEquals(1, TestKafka.read(Writes.bootstrap(), "answer-no.fint-core.entity.utdanning-elev").size(), "the second wrote nothing");
        assertEquals(1, Writes.events(org, WriteEvent.Answered.class).size());
        assertEquals("[]", Writes.poll(target, "/utdanning", org, adapter, 0).readEntity(String.class), "answered: never handed out again");
    }

    @Test
    void rejectionsErrorsConflictsValidationsAndDeletesAreRecordedWithTheAdaptersWords() throws Exception {
        String org = "verdicts.no";
        String adapter = elevAdapter(org);
        WriteRequest rejected = Writes.request(org, ELEV, Operation.UPDATE, "systemid/1", Writes.elev("1"), 120_000);
        WriteRequest failed = Writes.request(org, ELEV, Operation.CREATE, null, Writes.elev("2"), 120_000);
        WriteRequest conflict = Writes.request(org, ELEV, Operation.UPDATE, "systemid/3", Writes.elev("3"), 120_000);
        WriteRequest validate = Writes.request(org, ELEV, Operation.VALIDATE, null, Writes.elev("4"), 120_000);
        WriteRequest delete = Writes.request(org, ELEV, Operation.DELETE, "systemid/5", null, 120_000);
        long deadline = System.currentTimeMillis() + 30_000;
        Set<String> polled = new HashSet<>();
        while (polled.size() < 5 && System.currentTimeMillis() < deadline) {
            polled.addAll(corrIds(Writes.poll(target, "/utdanning/elev/elev", org, adapter, 0).readEntity(String.class)));
        }
        assertEquals(5, polled.size());
        String base = "\"orgId\":\"" + org + "\",\"adapterId\":\"" + adapter + "\",";
        assertEquals(200, Writes.answer(target, "{\"corrId\":\"" + rejected.corrId() + "\"," + base + "\"operationType\":\"UPDATE\",\"rejected\":true,"
                + "\"rejectReason\":\"Elev finnes ikke\",\"statusCode\":\"NOT_FOUND\",\"problems\":[{\"field\":\"systemId\",\"message\":\"ukjent\",\"code\":\"E1\"}]}").getStatus());
        assertEquals(200, Writes.answer(target, "{\"corrId\":\"" + failed.corrId() + "\"," + base + "\"operationType\":\"CREATE\",\"failed\":true,"
                + "\"errorMessage\":\"Kildesystemet svarer ikke\"}").getStatus());
        assertEquals(200, Writes.answer(target, "{\"corrId\":\"" + conflict.corrId() + "\"," + base + "\"operationType\":\"UPDATE\",\"conflicted\":true,"
                + "\"conflictReason\":\"Endret av andre\",\"problems\":[],\"value\":{\"identifier\":\"3\",\"resource\":" + Writes.elev("3") + "}}").getStatus());
        assertEquals(200, Writes.answer(target, "{\"corrId\":\"" + validate.corrId() + "\"," + base + "\"operationType\":\"VALIDATE\"}").getStatus());
        assertEquals(200, Writes.answer(target, "{\"corrId\":\"" + delete.corrId() + "\"," + base + "\"operationType\":\"DELETE\","
                + "\"value\":{\"identifier\":\"5\",\"resource\":null}}").getStatus());

        Map<String, WriteEvent.Answered> byCorrId = new HashMap<>();
        Writes.events(org, WriteEvent.Answered.class).forEach(a -> byCorrId.put(a.corrId(), a));
        assertEquals(ResponseStatus.REJECTED, byCorrId.get(rejected.corrId()).answer().status());
        assertEquals("Elev finnes ikke", byCorrId.get(rejected.corrId()).answer().message());
        assertEquals("NOT_FOUND", byCorrId.get(rejected.corrId()).answer().statusCode());
        assertEquals("E1", byCorrId.get(rejected.corrId()).answer().problems().get(0).code());
        assertEquals(ResponseStatus.ERROR, byCorrId.get(failed.corrId()).answer().status());
        assertEquals("Kildesystemet svarer ikke", byCorrId.get(failed.corrId()).answer().message());
        // no problems sent, none passed on (v1 omits a null list); an explicit [] is the adapter's and kept
        assertNull(byCorrId.get(failed.corrId()).answer().problems());
        assertNull(byCorrId.get(validate.corrId()).answer().problems());
        assertEquals(List.of(), byCorrId.get(conflict.corrId()).answer().problems());
        assertEquals(ResponseStatus.CONFLICT, byCorrId.get(conflict.corrId()).answer().status());
        assertEquals(Writes.elev("3"), byCorrId.get(conflict.corrId()).answer().resource());
        assertEquals(ResponseStatus.ACCEPTED, byCorrId.get(validate.corrId()).answer().status());
        assertEquals(-1, byCorrId.get(validate.corrId()).answer().entityOffset());

        // Only the accepted delete touched the entity topic: a tombstone; a failed or rejected write changes no data.
        List<TestKafka.Rec> entities = TestKafka.read(Writes.bootstrap(), "verdicts-no.fint-core.entity.utdanning-elev");
        assertEquals(1, entities.size(), entities.toString());
        assertEquals("elev\u001F5", entities.get(0).key());
        assertTrue(entities.get(0).tombstone());
        assertEquals("EVENT", entities.get(0).headers().get("sync-type"));
    }

    @Test
    void aRequestNobodyAnswersExpiresOnceAndALateAnswerIsTold() throws Exception {
        String org = "expiry.no";
        String adapter = elevAdapter(org);
        WriteRequest r = Writes.request(org, ELEV, Operation.CREATE, null, Writes.elev("x"), 1_500);
        long deadline = System.currentTimeMillis() + 30_000;
        while (Writes.events(org, WriteEvent.Expired.class).isEmpty() && System.currentTimeMillis() < deadline) {
            Writes.sleep(200);
        }
        List<WriteEvent.Expired> expired = Writes.events(org, WriteEvent.Expired.class);
        assertEquals(1, expired.size());
        assertEquals(r.corrId(), expired.get(0).corrId());
        assertTrue(expired.get(0).at() >= r.timeToLive());

        Response late = Writes.answer(target, Writes.accepted(r, adapter, "x", Writes.elev("x")));
        assertEquals(409, late.getStatus());
        assertTrue(late.readEntity(String.class).contains("\"title\":\"Expired\""));
        assertEquals(0, TestKafka.count(Writes.bootstrap(), "expiry-no.fint-core.entity.utdanning-elev"), "nothing written after the expiry");
        Writes.sleep(2_500);
        assertEquals("[]", Writes.poll(target, "/utdanning", org, adapter, 0).readEntity(String.class));
        assertEquals(1, Writes.events(org, WriteEvent.Expired.class).size(), "expired once");
    }

    @Test
    void pollsSeeOnlyTheirOrganisationAndTheirContract() throws Exception {
        ProviderServiceIT.Await.ready(target);
        Writes.log("scope-a.no");
        Writes.log("scope-b.no");
        String elevOnly = Adapters.register(target, "scope-a.no", "utdanning/elev/elev");
        String skoleOnly = Adapters.register(target, "scope-a.no", "utdanning/elev/skoleressurs");
        String other = Adapters.register(target, "scope-b.no", "utdanning/elev/elev");
        WriteRequest r = Writes.request("scope-a.no", ELEV, Operation.CREATE, null, Writes.elev("x"), 120_000);
        Writes.sleep(1_000);
        String tokenA = Adapters.token("scope-a.no", "utdanning-elev");
        String tokenB = Adapters.token("scope-b.no", "utdanning-elev");
        Bearer.use(target, tokenA);
        assertEquals("[]", Writes.poll(target, "/utdanning", "scope-a.no", skoleOnly, 0).readEntity(String.class), "not in its contract");
        assertEquals("[]", Writes.poll(target, "/administrasjon", "scope-a.no", elevOnly, 0).readEntity(String.class), "another domain");
        assertEquals("[]", Writes.poll(target, "/utdanning/elev/skoleressurs", "scope-a.no", elevOnly, 0).readEntity(String.class));
        Bearer.use(target, Adapters.token("scope-a.no", "administrasjon-personal"));
        assertEquals("[]", target.path("/provider/event/utdanning").request().get(String.class), "no role for the component");
        Bearer.use(target, tokenB);
        assertEquals("[]", Writes.poll(target, "/utdanning", "scope-b.no", other, 0).readEntity(String.class), "another organisation");
        assertEquals("[]", target.path("/provider/event/utdanning").request().get(String.class), "the token's organisations only");
        Response wrongOrg = Writes.poll(target, "/utdanning", "scope-b.no", elevOnly, 0);
        assertEquals(403, wrongOrg.getStatus(), "another organisation's adapter");
        assertEquals(403, Writes.poll(target, "/utdanning", "scope-a.no", other, 0).getStatus(), "an organisation not the token's");
        assertFalse(Writes.events("scope-a.no").stream().anyMatch(e -> e instanceof WriteEvent.Leased));
        Bearer.use(target, tokenA);
        assertEquals(List.of(r.corrId()), corrIds(Writes.pollUntilSome(target, "/utdanning/elev", "scope-a.no", elevOnly, 0)));
    }
}
