package no.fint.platform.demo.adapter;

import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.broker.TopicContents;
import no.fint.platform.contract.ServiceProcess;
import no.fint.platform.demo.DataSet;
import no.fint.platform.model.ResourceType;
import no.fint.platform.records.RecordHeaders;
import no.fint.platform.records.RecordKeys;
import no.fint.platform.records.Topics;
import no.fint.platform.tokens.EphemeralIdp;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo adapter against the packaged provider (its own process) and a real broker: a full sync of
 * the small data set and one round of deltas and deletes, then the entity topics are read back. The
 * adapter mints its tokens with the key the provider trusts (the test JVM's IdP), as it does with the
 * local key under ./fint up.
 */
@ExtendWith(KafkaBrokerExtension.class)
class DemoAdapterIT {

    private static final String ORG = "demo.no";

    /** The latest record of one key: its value (null for a tombstone) and sync-type header. */
    private record Latest(byte[] value, String syncType) {
    }

    @Test
    void aFullSyncAndADeltaRoundReachTheEntityTopics() {
        String bootstrap = KafkaBrokerExtension.bootstrapServers();
        try (ServiceProcess provider = ServiceProcess.start("provider-demo-adapter", "provider",
                Map.of("fint.kafka.bootstrap-servers", bootstrap))) {
            AdapterSettings settings = AdapterSettings.defaults(ORG).withProvider(provider.url()).withPageSize(100)
                    .withRounds(1, Duration.ofMillis(200)).withChanges(20, 5).withStatusWait(Duration.ofSeconds(20));
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            TokenSource tokens = TokenSource.minted(EphemeralIdp.shared().key(), EphemeralIdp.ISSUER, EphemeralIdp.AUDIENCE, settings,
                    DataSet.of(settings.size(), settings.seed()));
            Summary summary = new DemoAdapter(settings, new PrintStream(log, true, StandardCharsets.UTF_8), tokens).run(new StopSignal());
            String output = log.toString(StandardCharsets.UTF_8);
            System.out.println(output);

            DataSet data = DataSet.of(settings.size(), settings.seed());
            assertTrue(summary.registered(), output);
            assertEquals(0, summary.failedPages(), output);
            assertTrue(summary.heartbeats() >= 1, output);
            assertEquals(1, summary.rounds(), output);
            assertEquals(data.types().size(), summary.fullSyncs().size(), output);
            for (Outcome o : summary.fullSyncs()) {
                assertEquals(data.count(o.type()), o.resources(), o.type().path());
                assertEquals((data.count(o.type()) + 99) / 100, o.totalPages(), o.type().path());
            }

            // What the last version of each changed or deleted resource must be.
            Map<String, SyncKind> lastChange = new HashMap<>();
            for (Outcome o : summary.syncs()) {
                if (o.kind() != SyncKind.FULL) {
                    o.identifiers().forEach(id -> lastChange.put(key(o.type(), id), o.kind()));
                }
            }
            assertTrue(lastChange.containsValue(SyncKind.DELTA) && lastChange.containsValue(SyncKind.DELETE), lastChange.toString());

            Map<String, Latest> latest = readEntityTopics(bootstrap, data);
            for (ResourceType t : data.types()) {
                String prefix = Topics.entity(ORG, t.component()) + " " + t.name() + RecordKeys.SEPARATOR;
                long keys = latest.keySet().stream().filter(k -> k.startsWith(prefix)).count();
                long live = latest.entrySet().stream().filter(e -> e.getKey().startsWith(prefix) && e.getValue().value() != null).count();
                long deleted = lastChange.entrySet().stream().filter(e -> e.getKey().startsWith(prefix) && e.getValue() == SyncKind.DELETE).count();
                assertEquals(data.count(t), keys, "every resource of " + t.path() + " reached Kafka");
                assertEquals(data.count(t) - deleted, live, "live resources of " + t.path());
            }
            lastChange.forEach((k, kind) -> {
                Latest l = latest.get(k);
                assertNotNull(l, k);
                assertEquals(kind.name(), l.syncType(), k);
                if (kind == SyncKind.DELETE) {
                    assertNull(l.value(), "a tombstone for " + k);
                } else {
                    assertNotNull(l.value(), k);
                }
            });
            assertTrue(countRecords(bootstrap, "fint-core.adapter-heartbeat",
                    v -> new String(v, StandardCharsets.UTF_8).contains(settings.adapterId())) >= 1, "a heartbeat in Kafka");
        }
    }

    private static String key(ResourceType t, String identifier) {
        return Topics.entity(ORG, t.component()) + " " + RecordKeys.entity(t.name(), identifier);
    }

    /** The latest record per (topic, key) of the data set's entity topics, read from the beginning to the end. */
    private static Map<String, Latest> readEntityTopics(String bootstrap, DataSet data) {
        List<String> topics = data.components().stream().map(c -> Topics.entity(ORG, c)).distinct().toList();
        Map<String, Latest> latest = new HashMap<>();
        read(bootstrap, topics, r -> {
            Header h = r.headers().lastHeader(RecordHeaders.SYNC_TYPE);
            latest.put(r.topic() + " " + r.key(), new Latest(r.value(), h == null ? null : RecordHeaders.decodeString(h.value())));
        });
        return latest;
    }

    private static long countRecords(String bootstrap, String topic, Predicate<byte[]> match) {
        long[] n = {0};
        read(bootstrap, List.of(topic), r -> n[0] += r.value() != null && match.test(r.value()) ? 1 : 0);
        return n[0];
    }

    private static void read(String bootstrap, List<String> topics, java.util.function.Consumer<ConsumerRecord<String, byte[]>> each) {
        topics.forEach(t -> assertTrue(TopicContents.count(bootstrap, t) > 0, "topic " + t + " has records"));
        TopicContents.read(bootstrap, topics).forEach(each);
    }
}
