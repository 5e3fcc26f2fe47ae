package no.fint.platform.demo.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import no.fint.platform.demo.DataSet;
import no.fint.platform.model.ResourceType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The adapter's side of the provider protocol, against a recording stand-in of the provider's HTTP API. */
class DemoAdapterTest {

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private Summary run(FakeProvider provider, AdapterSettings settings, StopSignal stop) {
        return new DemoAdapter(settings, new PrintStream(log, true, StandardCharsets.UTF_8)).run(stop);
    }

    private String output() {
        return log.toString(StandardCharsets.UTF_8);
    }

    private static AdapterSettings settings(FakeProvider p) {
        return AdapterSettings.defaults("fint.no").withProvider(p.url()).withPageSize(50)
                .withRounds(1, Duration.ofMillis(10)).withChanges(10, 3).withStatusWait(Duration.ofSeconds(2));
    }

    @Test
    void registersEveryCapabilityThenSyncsEveryTypeInCorrectlyNumberedPages() {
        try (FakeProvider p = new FakeProvider()) {
            Summary s = run(p, settings(p), new StopSignal());
            assertTrue(s.clean(), output());
            DataSet data = DataSet.of(DataSet.Size.SMALL, 1);

            List<FakeProvider.Request> all = p.requests();
            assertEquals("/provider/register", all.get(0).path(), "the contract comes first");
            JsonNode contract = all.get(0).json();
            assertEquals("fint.no", contract.get("orgId").asText());
            assertEquals(1, contract.get("heartbeatIntervalInMinutes").asInt());
            assertEquals(data.types().size(), contract.get("capabilities").size());
            Set<String> declared = new HashSet<>();
            for (JsonNode c : contract.get("capabilities")) {
                assertEquals("IMMEDIATE", c.get("deltaSyncInterval").asText());
                assertEquals(1, c.get("fullSyncIntervalInDays").asInt());
                String path = "/" + c.get("domainName").asText() + "/" + c.get("packageName").asText() + "/" + c.get("resourceName").asText();
                assertEquals(path, c.get("entityUri").asText(), "the derived entityUri, as FINT v2 adapters send it");
                declared.add(path);
            }
            data.types().forEach(t -> assertTrue(declared.contains(t.path()), t.path() + " not declared"));
            assertFalse(p.requests("POST", "/provider/heartbeat").isEmpty(), "a heartbeat");

            // Full syncs: one corrId per type, pages 1..totalPages, totalSize and pageSize right.
            Map<String, ResourceType> byPath = new HashMap<>();
            data.types().forEach(t -> byPath.put("/provider" + t.path(), t));
            Map<String, Integer> pagesSeen = new HashMap<>();
            Map<String, Integer> resourcesSeen = new HashMap<>();
            Set<String> corrIds = new HashSet<>();
            for (FakeProvider.Request r : p.requests("POST", "/provider/")) {
                if (r.path().equals("/provider/register") || r.path().equals("/provider/heartbeat")) {
                    continue;
                }
                ResourceType t = byPath.get(r.path());
                JsonNode page = r.json();
                JsonNode meta = page.get("metadata");
                int n = page.get("resources").size();
                int expectedPages = (data.count(t) + 49) / 50;
                assertEquals(data.count(t), meta.get("totalSize").asInt(), r.path());
                assertEquals(expectedPages, meta.get("totalPages").asInt(), r.path());
                assertEquals(pagesSeen.merge(r.path(), 1, Integer::sum), meta.get("page").asInt(), "pages numbered from 1 in order");
                assertEquals(n, meta.get("pageSize").asInt(), "pageSize is what the page holds");
                assertEquals("fint.no", meta.get("orgId").asText());
                assertEquals(settings(p).adapterId(), meta.get("adapterId").asText());
                assertEquals("FULL", page.get("syncType").asText());
                if (meta.get("page").asInt() == 1) {
                    assertTrue(corrIds.add(meta.get("corrId").asText()), "one corrId per type");
                }
                for (JsonNode e : page.get("resources")) {
                    assertTrue(e.get("resource").isObject());
                    assertFalse(e.get("identifier").asText().isEmpty());
                }
                resourcesSeen.merge(r.path(), n, Integer::sum);
            }
            for (ResourceType t : data.types()) {
                assertEquals(data.count(t), resourcesSeen.get("/provider" + t.path()), t.path());
            }
            assertEquals(data.types().size(), corrIds.size());

            // One delta round: PATCH pages with changed resources, a DELETE page with identifiers only.
            assertFalse(p.requests("PATCH", "/provider/").isEmpty());
            List<FakeProvider.Request> deletes = p.requests("DELETE", "/provider/");
            assertEquals(1, deletes.size());
            JsonNode del = deletes.get(0).json();
            assertEquals("/provider/utdanning/elev/klassemedlemskap", deletes.get(0).path());
            assertEquals(3, del.get("resources").size());
            assertFalse(del.get("resources").get(0).has("resource"));
            assertEquals("DELETE", del.get("syncType").asText());
        }
    }

    @Test
    void followsSyncStatusWhenTheProviderKeepsIt() {
        try (FakeProvider p = new FakeProvider()) {
            AtomicInteger polls = new AtomicInteger();
            p.answer(r -> {
                if (r.method().equals("GET") && r.path().startsWith("/provider/sync/")) {
                    String state = polls.incrementAndGet() == 1 ? "IN_PROGRESS" : "COMPLETED";
                    return new FakeProvider.Answer(200, "application/json", "{\"state\":\"" + state
                            + "\",\"pagesReceived\":1,\"totalPages\":1,\"resourcesReceived\":4,\"resourcesDeleted\":0}", null);
                }
                return FakeProvider.standard(r);
            });
            Summary s = run(p, settings(p).withRounds(0, Duration.ZERO), stopAfterFullSync(p));
            DataSet data = DataSet.of(DataSet.Size.SMALL, 1);
            assertEquals(data.types().size(), s.syncStates().size(), output());
            assertTrue(s.syncStates().values().stream().allMatch("COMPLETED"::equals), s.syncStates().toString());
            assertTrue(output().contains("COMPLETED"), output());
            assertTrue(polls.get() > data.types().size(), "an IN_PROGRESS sync is asked again");
        }
    }

    /** A stop signal that stops the adapter once it starts its delta rounds. */
    private static StopSignal stopAfterFullSync(FakeProvider p) {
        return stopAfterFullSync(p, new StopSignal());
    }

    private static StopSignal stopAfterFullSync(FakeProvider p, StopSignal stop) {
        p.answer(andThen(p, r -> {
            if (r.method().equals("PATCH")) {
                stop.stop();
            }
        }));
        return stop;
    }

    private static Function<FakeProvider.Request, FakeProvider.Answer> andThen(FakeProvider p, Consumer<FakeProvider.Request> also) {
        Function<FakeProvider.Request, FakeProvider.Answer> current = p.answers();
        return r -> {
            also.accept(r);
            return current.apply(r);
        };
    }

    @Test
    void retriesA503AfterRetryAfterAndPrintsRefusedPagesWithTheirProblem() {
        try (FakeProvider p = new FakeProvider()) {
            AtomicInteger elevPosts = new AtomicInteger();
            p.answer(r -> {
                if (r.method().equals("POST") && r.path().equals("/provider/utdanning/elev/elev") && elevPosts.incrementAndGet() == 1) {
                    return new FakeProvider.Answer(503, "application/problem+json", "{\"title\":\"Kafka unavailable\"}", "1");
                }
                if (r.method().equals("POST") && r.path().equals("/provider/utdanning/elev/klasse")) {
                    return FakeProvider.Answer.problem(400, "entry 3: systemId missing");
                }
                return FakeProvider.standard(r);
            });
            List<Duration> waits = new CopyOnWriteArrayList<>();
            StopSignal stop = new StopSignal() {
                @Override
                public boolean await(Duration d) {
                    waits.add(d);
                    return super.await(d);
                }
            };
            stopAfterFullSync(p, stop);
            Summary s = run(p, settings(p).withRounds(0, Duration.ZERO), stop);
            assertTrue(waits.contains(Duration.ofSeconds(1)), "waited Retry-After: 1, asked for " + waits);
            assertEquals(2 + 2, elevPosts.get(), "the first page twice, then the rest (140 elever in 3 pages of 50)");
            String out = output();
            assertTrue(out.contains("503, retrying in 1 s"), out);
            assertTrue(out.contains("/utdanning/elev/klasse page 1/1") && out.contains("entry 3: systemId missing"), out);
            assertEquals(1, s.failedPages());
            assertFalse(s.clean());
        }
    }

    @Test
    void nestedPackagesUseTheFourSegmentRouteOrFallBackToADottedPackage() {
        try (FakeProvider p = new FakeProvider()) {
            Summary s = run(p, settings(p).withRounds(0, Duration.ZERO), stopAfterFullSync(p));
            assertTrue(s.clean());
            assertEquals(1, p.requests("POST", "/provider/felles/kodeverk/iso/kjonn").size());
            assertTrue(p.requests("POST", "/provider/felles/kodeverk.iso/").isEmpty());
        }
        try (FakeProvider p = new FakeProvider()) {
            p.answer(r -> r.path().startsWith("/provider/felles/kodeverk/iso/") ? FakeProvider.Answer.problem(404, "HTTP 404 Not Found")
                    : FakeProvider.standard(r));
            Summary s = run(p, settings(p).withRounds(0, Duration.ZERO), stopAfterFullSync(p));
            assertTrue(s.clean(), output());
            assertEquals(1, p.requests("POST", "/provider/felles/kodeverk/iso/").size(), "tried once, then remembered");
            assertEquals(3, p.requests("POST", "/provider/felles/kodeverk.iso/").size());
        }
    }

    @Test
    void aRefusedContractStopsBeforeAnySync() {
        try (FakeProvider p = new FakeProvider()) {
            p.answer(r -> r.path().equals("/provider/register") ? FakeProvider.Answer.problem(400, "capabilities[3]: unknown resource")
                    : FakeProvider.standard(r));
            Summary s = run(p, settings(p), new StopSignal());
            assertFalse(s.registered());
            assertEquals(1, p.requests().size(), output());
            assertTrue(output().contains("capabilities[3]: unknown resource"), output());
        }
    }

    @Test
    void anUnreachableProviderEndsTheRunAsNotClean() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort(); // nothing listens there once closed
        }
        StopSignal stop = new StopSignal();
        CompletableFuture<Summary> running = CompletableFuture.supplyAsync(() -> new DemoAdapter(
                AdapterSettings.defaults("fint.no").withProvider("http://127.0.0.1:" + port),
                new PrintStream(log, true, StandardCharsets.UTF_8)).run(stop));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!output().contains("trying again") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        stop.stop();
        Summary s = running.get(10, TimeUnit.SECONDS);
        assertFalse(s.registered());
        assertFalse(s.clean());
        assertTrue(s.syncs().isEmpty(), output());
    }

    @Test
    void stopsCleanlyWhenAskedDuringTheDeltaRounds() throws Exception {
        try (FakeProvider p = new FakeProvider()) {
            StopSignal stop = new StopSignal();
            CompletableFuture<Summary> running = CompletableFuture.supplyAsync(() ->
                    run(p, settings(p).withRounds(0, Duration.ofMillis(50)), stop));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (p.requests("DELETE", "/provider/").size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            stop.stop();
            Summary s = running.get(10, TimeUnit.SECONDS);
            assertTrue(s.rounds() >= 2, output());
            assertTrue(s.stoppedEarly());
            int requests = p.requests().size();
            Thread.sleep(300);
            assertEquals(requests, p.requests().size(), "nothing is sent after the stop");
            // Deleted klassemedlemskap come back the round after.
            List<FakeProvider.Request> deletes = p.requests("DELETE", "/provider/");
            String firstDeleted = deletes.get(0).json().get("resources").get(0).get("identifier").asText();
            boolean readded = p.requests("PATCH", "/provider/utdanning/elev/klassemedlemskap").stream()
                    .anyMatch(r -> r.json().toString().contains("\"identifier\":\"" + firstDeleted + "\""));
            assertTrue(readded, firstDeleted + " re-added");
        }
    }
}
