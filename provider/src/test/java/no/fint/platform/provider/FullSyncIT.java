package no.fint.platform.provider;

import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.records.RecordHeaders;
import no.fint.platform.sync.SessionRecords;
import no.fint.platform.sync.SyncSession;
import no.fint.platform.sync.SyncState;
import no.fint.platform.sync.SyncType;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Full syncs as sessions against the real broker: stale deletion, supersession, replays, metadata across pages, restarts. */
@ExtendWith(KafkaBrokerExtension.class)
@HelidonTest
class FullSyncIT {

    @Inject
    WebTarget target;
    @Inject
    SessionStore store;
    @Inject
    SessionSweeper sweeper;

    private String org;
    private String adapter;

    @BeforeEach
    void adapterOfItsOwn(TestInfo test) {
        ProviderServiceIT.Await.ready(target);
        org = test.getTestMethod().orElseThrow().getName().toLowerCase(Locale.ROOT) + ".no";
        adapter = Adapters.register(target, org, "utdanning/elev/elev", "utdanning/elev/elevforhold");
    }

    private static String bootstrap() {
        return KafkaBrokerExtension.bootstrapServers();
    }

    private String topic() {
        return org.replace('.', '-') + ".fint-core.entity.utdanning-elev";
    }

    private HttpResponse<String> send(String method, String corrId, long totalSize, long page, long totalPages, List<String> entries) {
        return Adapters.send(target, method, "/provider/utdanning/elev/elev",
                Adapters.page(corrId, org, adapter, totalSize, page, totalPages, entries));
    }

    private void ok(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
    }

    private List<TestKafka.Rec> tombstones() {
        return TestKafka.read(bootstrap(), topic()).stream().filter(TestKafka.Rec::tombstone).toList();
    }

    @Test
    void aCompletedFullSyncDeletesWhatItDidNotContainExactlyOnce() {
        ok(send("POST", org + "-1", 4, 1, 2, Adapters.elevs("a", "b")), 201);
        ok(send("POST", org + "-1", 4, 2, 2, Adapters.elevs("c", "d")), 201);
        Adapters.awaitState(target, org + "-1", "COMPLETED");
        assertTrue(tombstones().isEmpty(), "the first full sync deletes nothing");
        // a delta and a delete meanwhile: the delete's tombstone must not be repeated, the delta is older than the next sync
        ok(send("PATCH", org + "-d", 1, 1, 1, Adapters.elevs("e")), 201);
        ok(send("DELETE", org + "-x", 1, 1, 1, List.of("{\"identifier\":\"d\"}")), 200);
        assertEquals(1, tombstones().size());

        // the next full sync has a, b only (in pages sent out of order)
        ok(send("POST", org + "-2", 2, 2, 2, Adapters.elevs("b")), 201);
        String inProgress = target.path("/provider/sync/" + org + "-2").request().get(String.class);
        assertTrue(inProgress.contains("\"state\":\"IN_PROGRESS\"") && inProgress.contains("\"pagesMissing\":[1]"), inProgress);
        ok(send("POST", org + "-2", 2, 1, 2, Adapters.elevs("a")), 201);
        String done = Adapters.awaitState(target, org + "-2", "COMPLETED");
        assertTrue(done.contains("\"resourcesDeleted\":2"), done);

        List<TestKafka.Rec> deleted = tombstones();
        assertEquals(List.of("elev\u001Fd", "elev\u001Fc", "elev\u001Fe").stream().sorted().toList(),
                deleted.stream().map(TestKafka.Rec::key).sorted().toList());
        TestKafka.Rec stale = deleted.stream().filter(r -> r.key().endsWith("c")).findFirst().orElseThrow();
        assertEquals(Map.of("resource-name", "elev", "sync-type", "FULL", "corr-id", org + "-2"), stale.headers());
        Map<String, String> latest = TestKafka.latest(TestKafka.read(bootstrap(), topic()));
        assertTrue(latest.get("elev\u001Fa") != null && latest.get("elev\u001Fb") != null);

        // a restarted provider that finds the sync complete deletes nothing more
        store.markDirty(org + "-2");
        sweeper.sweep();
        assertEquals(3, tombstones().size());
    }

    @Test
    void aNewerFullSyncSupersedesAnOlderUnfinishedOne() {
        ok(send("POST", org + "-seed", 3, 1, 1, Adapters.elevs("a", "b", "c")), 201);
        Adapters.awaitState(target, org + "-seed", "COMPLETED");
        ok(send("POST", org + "-old", 2, 1, 2, Adapters.elevs("a")), 201);
        ok(send("POST", org + "-new", 1, 1, 1, Adapters.elevs("b")), 201);
        String old = target.path("/provider/sync/" + org + "-old").request().get(String.class);
        assertTrue(old.contains("\"state\":\"SUPERSEDED\"") && old.contains("\"supersededBy\":\"" + org + "-new\""), old);
        // the old sync's last page, late: refused, and never completes into a deletion of its own
        HttpResponse<String> late = send("POST", org + "-old", 2, 2, 2, Adapters.elevs("c"));
        assertEquals(409, late.statusCode());
        assertTrue(late.body().contains("superseded by the newer full sync " + org + "-new"), late.body());
        String done = Adapters.awaitState(target, org + "-new", "COMPLETED");
        assertTrue(done.contains("\"resourcesDeleted\":2"), done);
        assertEquals(List.of("elev\u001Fa", "elev\u001Fc"), tombstones().stream().map(TestKafka.Rec::key).sorted().toList());
    }

    @Test
    void aReplayedPageChangesNothingAndOtherContentUnderItsNumberIsAConflict() {
        ok(send("POST", org + "-r", 2, 1, 2, Adapters.elevs("a")), 201);
        long records = TestKafka.count(bootstrap(), topic());
        long sessionRecords = TestKafka.count(bootstrap(), "fint-core.sync-session");
        ok(send("POST", org + "-r", 2, 1, 2, Adapters.elevs("a")), 201);
        assertEquals(records, TestKafka.count(bootstrap(), topic()), "a replayed page writes no record");
        assertEquals(sessionRecords, TestKafka.count(bootstrap(), "fint-core.sync-session"));
        HttpResponse<String> other = send("POST", org + "-r", 2, 1, 2, Adapters.elevs("z"));
        assertEquals(409, other.statusCode());
        assertTrue(other.body().contains("was received before with other content"), other.body());
        ok(send("POST", org + "-r", 2, 2, 2, Adapters.elevs("b")), 201);
        Adapters.awaitState(target, org + "-r", "COMPLETED");
        ok(send("POST", org + "-r", 2, 2, 2, Adapters.elevs("b")), 201);
        assertEquals(records + 1, TestKafka.count(bootstrap(), topic()));
    }

    @Test
    void metadataInconsistentBetweenPagesOfOneSyncIsRefused() {
        ok(send("POST", org + "-m", 4, 1, 2, Adapters.elevs("a", "b")), 201);
        long records = TestKafka.count(bootstrap(), topic());
        HttpResponse<String> r = send("POST", org + "-m", 5, 2, 2, Adapters.elevs("c", "d"));
        String body = r.body();
        assertEquals(400, r.statusCode(), body);
        assertTrue(body.contains("\"field\":\"metadata.totalSize\"") && body.contains("5 differs from 4"), body);
        Response otherResource = target.path("/provider/utdanning/elev/elevforhold").request().post(Entity.json(
                Adapters.page(org + "-m", org, adapter, 4, 2, 2, List.of(
                        "{\"identifier\":\"f\",\"resource\":{\"beskrivelse\":\"x\",\"systemId\":{\"identifikatorverdi\":\"f\"}}}",
                        "{\"identifier\":\"g\",\"resource\":{\"beskrivelse\":\"x\",\"systemId\":{\"identifikatorverdi\":\"g\"}}}"))));
        assertEquals(400, otherResource.getStatus());
        assertEquals(records, TestKafka.count(bootstrap(), topic()));
        String status = target.path("/provider/sync/" + org + "-m").request().get(String.class);
        assertTrue(status.contains("\"pagesReceived\":1") && status.contains("\"state\":\"IN_PROGRESS\""), status);
    }

    @Test
    void pagesThatDoNotAddUpFailTheSyncAndDeleteNothing() {
        ok(send("POST", org + "-seed", 2, 1, 1, Adapters.elevs("a", "b")), 201);
        Adapters.awaitState(target, org + "-seed", "COMPLETED");
        ok(send("POST", org + "-short", 3, 1, 2, Adapters.elevs("a")), 201);
        ok(send("POST", org + "-short", 3, 2, 2, Adapters.elevs("c")), 201);
        String failed = Adapters.awaitState(target, org + "-short", "FAILED");
        assertTrue(failed.contains("hold 2 resources, but totalSize is 3"), failed);
        assertTrue(tombstones().isEmpty());
    }

    @Test
    void deltaAndDeletePagesAndTheirStatus() {
        ok(send("PATCH", org + "-delta", 2, 1, 1, Adapters.elevs("a", "b")), 201);
        ok(send("DELETE", org + "-del", 1, 1, 1, List.of("{\"identifier\":\"${utdanning.elev.elev}/systemid/a\",\"resource\":null}")), 200);
        Map<String, String> latest = TestKafka.latest(TestKafka.read(bootstrap(), topic()));
        assertNull(latest.get("elev\u001Fa"));
        assertTrue(latest.containsKey("elev\u001Fa"));
        String del = target.path("/provider/sync/" + org + "-del").request().get(String.class);
        assertTrue(del.contains("\"syncType\":\"DELETE\"") && del.contains("\"state\":\"COMPLETED\""), del);
        Response unknown = target.path("/provider/sync/never-heard-of").request().get();
        assertEquals(404, unknown.getStatus());
        assertEquals("application/problem+json", unknown.getMediaType().toString());
    }

    /** QA: a resource stored from a percent-encoded self link was not deleted by the same link. */
    @Test
    void aResourceStoredFromAnEncodedSelfLinkIsDeletedByTheSameLink() {
        String link = "https://x/utdanning/elev/elev/systemid/qa%20c";
        ok(send("PATCH", org + "-p", 1, 1, 1, List.of("{\"identifier\":\"" + link + "\",\"resource\":{\"systemId\":{\"identifikatorverdi\":\"qa c\"}}}")), 201);
        assertTrue(TestKafka.latest(TestKafka.read(bootstrap(), topic())).get("elev\u001Fqa c") != null);
        ok(send("DELETE", org + "-x", 1, 1, 1, List.of("{\"identifier\":\"" + link + "\"}")), 200);
        Map<String, String> latest = TestKafka.latest(TestKafka.read(bootstrap(), topic()));
        assertTrue(latest.containsKey("elev\u001Fqa c") && latest.get("elev\u001Fqa c") == null, latest.toString());
        assertEquals(List.of("elev\u001Fqa c"), List.copyOf(latest.keySet()), "no tombstone under another key");
    }

    /**
     * Sessions persisted before the page limits, with page numbers that took memory by their size
     * (2,000,000,000) or could not be reloaded at all (Long.MAX_VALUE): reloaded, failed at once
     * (none of their pages is accepted any more), and swept as any other.
     */
    @Test
    void sessionsStoredBeforeThePageLimitsAreReloadedAndFailed() throws Exception {
        long now = System.currentTimeMillis();
        for (long n : new long[]{2_000_000_000L, Long.MAX_VALUE}) {
            String corr = org + "-" + n;
            TestKafka.write(bootstrap(), "fint-core.sync-session", SessionRecords.pageKey(corr, n),
                    SessionRecords.page(new SyncSession.PageRecord(n, 1, 7, now)));
            TestKafka.write(bootstrap(), "fint-core.sync-session", corr, SessionRecords.header(new SyncSession.Snapshot(corr, org, adapter,
                    "/utdanning/elev/elev", SyncType.FULL, n, n, now, now, SyncState.IN_PROGRESS, 1, 1, 0, null, null, 2)));
        }
        store.load();
        sweeper.sweep();
        for (long n : new long[]{2_000_000_000L, Long.MAX_VALUE}) {
            String status = Adapters.awaitState(target, org + "-" + n, "FAILED");
            assertTrue(status.contains("\"pagesReceived\":1") && status.contains("above the limits"), status);
            HttpResponse<String> next = send("POST", org + "-" + n, n, 1, n, Adapters.elevs("a"));
            assertEquals(400, next.statusCode(), next.body());
        }
        assertEquals(0, TestKafka.count(bootstrap(), topic()));
    }

    /**
     * A provider that crashed after the last page of a full sync but before its stale deletion: the
     * session topic says COMPLETING. A restarted provider (load + sweep, as at start) deletes the
     * stale resources once, and a second restart deletes nothing more.
     */
    @Test
    void aDeletionOwedWhenTheProviderStoppedIsDoneOnceAfterARestart() throws Exception {
        String corr = org + "-crashed";
        long startedAt = System.currentTimeMillis();
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap(), "acks", "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            p.send(entity("old-1", "old", startedAt - 60_000)).get(10, TimeUnit.SECONDS);
            p.send(entity("old-2", "old", startedAt - 60_000)).get(10, TimeUnit.SECONDS);
            p.send(entity("kept", corr, startedAt + 10)).get(10, TimeUnit.SECONDS);
            SyncSession.Snapshot header = new SyncSession.Snapshot(corr, org, adapter, "/utdanning/elev/elev", SyncType.FULL, 1, 1,
                    startedAt, startedAt + 20, SyncState.IN_PROGRESS, 1, 1, 0, null, null, 3);
            p.send(new ProducerRecord<>("fint-core.sync-session", SessionRecords.pageKey(corr, 1),
                    SessionRecords.page(new SyncSession.PageRecord(1, 1, 99, startedAt + 20)))).get(10, TimeUnit.SECONDS);
            p.send(new ProducerRecord<>("fint-core.sync-session", corr, SessionRecords.header(header))).get(10, TimeUnit.SECONDS);
        }
        store.load();
        sweeper.sweep();
        String done = Adapters.awaitState(target, corr, "COMPLETED");
        assertTrue(done.contains("\"resourcesDeleted\":2"), done);
        assertEquals(List.of("elev\u001Fold-1", "elev\u001Fold-2"), tombstones().stream().map(TestKafka.Rec::key).sorted().toList());

        // crash again before COMPLETED was persisted: the header still says COMPLETING
        TestKafka.write(bootstrap(), "fint-core.sync-session", corr, SessionRecords.header(new SyncSession.Snapshot(corr, org, adapter,
                "/utdanning/elev/elev", SyncType.FULL, 1, 1, startedAt, startedAt + 20, SyncState.COMPLETING, 1, 1, 0, null, null, 99)));
        store.load();
        sweeper.sweep();
        Adapters.awaitState(target, corr, "COMPLETED");
        assertEquals(2, tombstones().size(), "no resource is deleted twice");
    }

    /**
     * Records another writer (another provider instance) put on the topic between this provider's own:
     * the key index, which takes this provider's records as Kafka acknowledges them, leaves everything
     * from such a gap on to a read from Kafka, so the stale deletion still sees them.
     */
    @Test
    void recordsOfAnotherWriterBetweenOurOwnAreSeenByTheStaleDeletion() throws Exception {
        String[] ids = java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(i -> "k" + i).toArray(String[]::new);
        ok(send("POST", org + "-1", ids.length, 1, 1, Adapters.elevs(ids)), 201);
        Adapters.awaitState(target, org + "-1", "COMPLETED"); // the topic's key index now exists
        ok(send("PATCH", org + "-d1", ids.length, 1, 1, Adapters.elevs(ids)), 201);
        long old = System.currentTimeMillis() - 60_000;
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap(), "acks", "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int partition = 0; partition < 3; partition++) {
                ProducerRecord<String, byte[]> e = entity("other-" + partition, "another-writer", old);
                p.send(new ProducerRecord<>(e.topic(), partition, e.key(), e.value(), e.headers())).get(10, TimeUnit.SECONDS);
            }
        }
        ok(send("PATCH", org + "-d2", ids.length, 1, 1, Adapters.elevs(ids)), 201); // after the gap, on every partition

        String[] kept = java.util.Arrays.copyOfRange(ids, 1, ids.length);
        ok(send("POST", org + "-2", kept.length, 1, 1, Adapters.elevs(kept)), 201);
        String done = Adapters.awaitState(target, org + "-2", "COMPLETED");
        assertTrue(done.contains("\"resourcesDeleted\":4"), done);
        assertEquals(List.of("elev\u001Fk1", "elev\u001Fother-0", "elev\u001Fother-1", "elev\u001Fother-2"),
                tombstones().stream().map(TestKafka.Rec::key).sorted().toList());
    }

    private ProducerRecord<String, byte[]> entity(String id, String corr, long lastModified) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(topic(), "elev\u001F" + id,
                ("{\"systemId\":{\"identifikatorverdi\":\"" + id + "\"}}").getBytes(StandardCharsets.UTF_8));
        r.headers().add(new RecordHeader(RecordHeaders.RESOURCE_NAME, RecordHeaders.encodeString("elev")));
        r.headers().add(new RecordHeader(RecordHeaders.LAST_MODIFIED, RecordHeaders.encodeLong(lastModified)));
        r.headers().add(new RecordHeader(RecordHeaders.SYNC_TYPE, RecordHeaders.encodeString("FULL")));
        r.headers().add(new RecordHeader(RecordHeaders.CORR_ID, RecordHeaders.encodeString(corr)));
        return r;
    }
}
