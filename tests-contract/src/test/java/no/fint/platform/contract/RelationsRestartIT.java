package no.fint.platform.contract;

import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.broker.TopicContents;
import no.fint.platform.model.Component;
import no.fint.platform.records.EntityRecord;
import no.fint.platform.records.Topics;
import no.fint.platform.service.EntityRecordCodec;
import no.fint.platform.service.KafkaSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relations service as its own process, killed (SIGKILL) while entity records stream in, with
 * more changes (moves, delete syncs, stale deletions, new sources) arriving while it is down. After the
 * restart the relation topics must hold exactly the edges the entity topics imply, and the restarted
 * service must have written exactly the difference: no edge lost, none invented, none written twice.
 * A second, graceful restart must write nothing at all.
 */
@ExtendWith(KafkaBrokerExtension.class)
class RelationsRestartIT {

    private static final String ORG = "restart.no";
    private static final Component ELEV = Component.parse("utdanning/elev");
    private static final List<String> RELATION_TOPICS = List.of(Topics.relation(ORG, ELEV),
            Topics.relation(ORG, Component.parse("utdanning/utdanningsprogram")));

    /** The test's own view of every elevforhold: its elev and skole, or absent once deleted. */
    private final Map<Integer, int[]> sources = new HashMap<>();
    private long clock = System.currentTimeMillis();

    @Test
    void aRestartAtAnyPointLosesNoEdgeAndInventsNone() throws Exception {
        String bootstrap = KafkaBrokerExtension.bootstrapServers();
        KafkaSettings settings = new KafkaSettings(bootstrap, 3, (short) 1);
        createEntityTopic(settings);
        Map<String, String> config = Map.of("fint.kafka.bootstrap-servers", bootstrap);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings.producer("restart-it"))) {
            ServiceProcess relations = ServiceProcess.start("relations-restart-1", "relations", config);
            // Phase 1: a stream of new sources; the service is killed while it streams.
            Thread writer = new Thread(() -> {
                for (int i = 0; i < 3000; i++) {
                    put(producer, i, i % 400, i % 12, "DELTA");
                    if (i % 100 == 99) {
                        producer.flush();
                        sleep(20);
                    }
                }
                producer.flush();
            });
            writer.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (records(settings).size() < 200) {
                assertTrue(System.nanoTime() < deadline, "no edges appeared");
                sleep(10);
            }
            relations.kill();
            int atKill = records(settings).size();
            writer.join();

            // Phase 2, while it is down: moves, delete syncs, stale deletions of a full sync, new sources.
            for (int i = 0; i < 300; i++) {
                put(producer, i, (i + 1) % 400, (i + 5) % 12, "DELTA");
            }
            for (int i = 300; i < 400; i++) {
                delete(producer, i, "DELETE");
            }
            for (int i = 400; i < 500; i++) {
                delete(producer, i, "FULL");
            }
            for (int i = 3000; i < 3100; i++) {
                put(producer, i, i % 400, i % 12, "FULL");
            }
            producer.flush();

            List<Rec> beforeRestart = records(settings);
            Map<String, String> held = compacted(beforeRestart);
            Map<String, String> expected = expected();
            assertTrue(atKill < 3000 * 2 || !held.equals(expected), "the kill should have come in the middle");

            // Restart: ready only once the rebuild has written the difference.
            relations = ServiceProcess.start("relations-restart-2", "relations", config);
            List<Rec> afterRestart = records(settings);
            assertEquals(expected, compacted(afterRestart));
            Set<Rec> old = new HashSet<>(beforeRestart);
            List<Rec> written = afterRestart.stream().filter(r -> !old.contains(r)).toList();
            Map<String, String> difference = new TreeMap<>();
            for (Map.Entry<String, String> e : expected.entrySet()) {
                if (!e.getValue().equals(held.get(e.getKey()))) {
                    difference.put(e.getKey(), e.getValue());
                }
            }
            for (String key : held.keySet()) {
                if (!expected.containsKey(key)) {
                    difference.put(key, null);
                }
            }
            Map<String, String> writtenByKey = new TreeMap<>();
            written.forEach(r -> writtenByKey.put(r.key, r.value));
            assertEquals(written.size(), writtenByKey.size(), "an edge written twice");
            assertEquals(difference, writtenByKey);

            // Live again after the restart.
            for (int i = 0; i < 50; i++) {
                put(producer, i, (i + 7) % 400, i % 12, "DELTA");
            }
            delete(producer, 2000, "DELETE");
            producer.flush();
            Map<String, String> expectedLive = expected();
            long liveStart = System.nanoTime();
            awaitCompacted(settings, expectedLive);
            System.out.printf("relations restart IT: %d relation records at the kill, %d written by the restart, live changes visible after %d ms%n",
                    atKill, written.size(), (System.nanoTime() - liveStart) / 1_000_000);

            // A graceful restart: the replay writes nothing new.
            int count = records(settings).size();
            relations.close();
            relations = ServiceProcess.start("relations-restart-3", "relations", config);
            assertEquals(count, records(settings).size());
            assertEquals(expectedLive, compacted(records(settings)));
            relations.close();
        }
    }

    private void createEntityTopic(KafkaSettings settings) throws Exception {
        try (Admin admin = Admin.create(settings.admin("restart-it"))) {
            admin.createTopics(List.of(new NewTopic(Topics.entity(ORG, ELEV), 3, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get();
        }
    }

    private void put(KafkaProducer<String, byte[]> producer, int ef, int elev, int skole, String syncType) {
        String json = "{\"systemId\":{\"identifikatorverdi\":\"ef" + ef + "\"},\"_links\":{"
                + "\"elev\":[{\"href\":\"/utdanning/elev/elev/systemid/e" + elev + "\"}],"
                + "\"skole\":[{\"href\":\"/utdanning/utdanningsprogram/skole/skolenummer/" + skole + "\"}]}}";
        synchronized (sources) {
            sources.put(ef, new int[]{elev, skole});
            producer.send(EntityRecordCodec.toKafka(new EntityRecord(ORG, ELEV, "elevforhold", "ef" + ef,
                    json.getBytes(StandardCharsets.UTF_8), ++clock, syncType, "restart-it")));
        }
    }

    private void delete(KafkaProducer<String, byte[]> producer, int ef, String syncType) {
        synchronized (sources) {
            sources.remove(ef);
            producer.send(EntityRecordCodec.toKafka(new EntityRecord(ORG, ELEV, "elevforhold", "ef" + ef, null, ++clock, syncType, "restart-it")));
        }
    }

    /** Relation key (topic-qualified) to value, for the sources as the test wrote them. */
    private Map<String, String> expected() {
        Map<String, String> out = new TreeMap<>();
        synchronized (sources) {
            sources.forEach((ef, t) -> {
                String value = "{\"href\":\"/utdanning/elev/elevforhold/systemid/ef" + ef + "\"}";
                String source = "|elevforhold|utdanning-elev|elevforhold|ef" + ef;
                out.put(RELATION_TOPICS.get(0) + " /utdanning/elev/elev/systemid/e" + t[0] + source, value);
                out.put(RELATION_TOPICS.get(1) + " /utdanning/utdanningsprogram/skole/skolenummer/" + t[1] + source, value);
            });
        }
        return out;
    }

    /** One relation record; partition and offset make each record distinct. */
    private record Rec(String key, String value, String partition, long offset) {
    }

    /** Every record of both relation topics, partition by partition in offset order (a stable order). */
    private static List<Rec> records(KafkaSettings settings) {
        return TopicContents.read(settings.bootstrapServers(), RELATION_TOPICS).stream()
                .map(r -> new Rec(r.topic() + " " + r.key().replace('\u001F', '|'),
                        r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8), r.topic() + "-" + r.partition(), r.offset()))
                .toList();
    }

    private static Map<String, String> compacted(List<Rec> records) {
        Map<String, String> out = new TreeMap<>();
        for (Rec r : records) {
            if (r.value == null) {
                out.remove(r.key);
            } else {
                out.put(r.key, r.value);
            }
        }
        return out;
    }

    private static void awaitCompacted(KafkaSettings settings, Map<String, String> expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Map<String, String> now = compacted(records(settings));
        while (!Objects.equals(expected, now) && System.nanoTime() < deadline) {
            sleep(200);
            now = compacted(records(settings));
        }
        Set<String> missing = new HashSet<>(expected.keySet());
        missing.removeAll(now.keySet());
        assertEquals(expected, now, "missing " + missing.size());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
