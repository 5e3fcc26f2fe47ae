package no.fint.platform.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.broker.TopicContents;
import no.fint.platform.records.Topics;
import no.fint.platform.tokens.EphemeralIdp;
import no.fint.platform.write.Operation;
import no.fint.platform.write.WriteEvent;
import no.fint.platform.write.WriteEvents;
import no.fint.platform.write.WriteRequest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The provider keeps its write requests in Kafka: killed (SIGKILL) with one request answered, one
 * leased and two pending, a new provider process hands out exactly the pending ones, keeps the lease,
 * expires only the request nobody answered (never the answered one: FINT v2's false "Event expired"),
 * and tells a second answer that it came second.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ProviderWriteRestartIT {

    static final String ORG = "write-restart.no";
    static final String ADAPTER = "write-restart-adapter";
    static final ObjectMapper JSON = new ObjectMapper();

    static String bootstrap() {
        return KafkaBrokerExtension.bootstrapServers();
    }

    static WriteRequest request(long ttl) throws Exception {
        long now = System.currentTimeMillis();
        WriteRequest r = new WriteRequest(UUID.randomUUID().toString(), ORG, "/utdanning/elev/elev", Operation.CREATE, null,
                "{\"elevnummer\":{\"identifikatorverdi\":\"1\"}}", now, now + ttl, "test");
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap(), "acks", "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            p.send(new ProducerRecord<>(Topics.writeEvents(ORG), r.corrId(), WriteEvents.write(new WriteEvent.Requested(r)))).get(10, TimeUnit.SECONDS);
        }
        return r;
    }

    /** The adapter's token: organisation write-restart.no, role utdanning-elev. */
    static final String TOKEN = EphemeralIdp.shared().adapter(ORG, "utdanning-elev");

    static List<String> poll(ServiceProcess provider, int size) throws Exception {
        HttpResponse<String> r = Http.send(HttpRequest.newBuilder(URI.create(provider.url() + "/provider/event/utdanning?size=" + size))
                .header("Authorization", "Bearer " + TOKEN).header("x-org-id", ORG).header("x-adapter-id", ADAPTER).GET().build());
        assertEquals(200, r.statusCode(), r.body());
        List<String> out = new ArrayList<>();
        for (JsonNode n : JSON.readTree(r.body())) {
            out.add(n.get("corrId").asText());
        }
        return out;
    }

    static HttpResponse<String> answer(ServiceProcess provider, WriteRequest r, String systemId) {
        return Http.send("POST", provider.url() + "/provider/event", "{\"corrId\":\"" + r.corrId() + "\",\"orgId\":\"" + ORG
                + "\",\"adapterId\":\"" + ADAPTER + "\",\"operationType\":\"CREATE\",\"value\":{\"identifier\":\"" + systemId
                + "\",\"resource\":{\"systemId\":{\"identifikatorverdi\":\"" + systemId + "\"}}}}", TOKEN);
    }

    static List<WriteEvent> log() {
        return TopicContents.read(bootstrap(), Topics.writeEvents(ORG)).stream().map(r -> WriteEvents.read(r.value())).toList();
    }

    static List<String> expired() {
        return log().stream().filter(e -> e instanceof WriteEvent.Expired).map(WriteEvent::corrId).toList();
    }

    @Test
    void pendingLeasedAndAnsweredRequestsSurviveAKill() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(Topics.writeEvents(ORG), 3, (short) 1))).all().get(15, TimeUnit.SECONDS);
        }
        Map<String, String> config = Map.of("fint.kafka.bootstrap-servers", bootstrap(), "fint.provider.event.lease", "PT25S");
        WriteRequest answered;
        WriteRequest leased;
        WriteRequest pending;
        WriteRequest unanswered;
        try (ServiceProcess provider = ServiceProcess.start("provider-write-restart-1", "provider", config)) {
            HttpResponse<String> reg = Http.send("POST", provider.url() + "/provider/register", """
                    {"adapterId":"write-restart-adapter","orgId":"write-restart.no","capabilities":[
                      {"domainName":"utdanning","packageName":"elev","resourceName":"elev","fullSyncIntervalInDays":1}]}""", TOKEN);
            assertEquals(200, reg.statusCode(), reg.body());
            answered = request(40_000);
            Thread.sleep(20);
            leased = request(120_000);
            Thread.sleep(20);
            pending = request(120_000);
            Thread.sleep(20);
            unanswered = request(40_000);
            List<String> first = List.of();
            long deadline = System.currentTimeMillis() + 30_000;
            while (first.isEmpty() && System.currentTimeMillis() < deadline) {
                first = poll(provider, 1);
                Thread.sleep(50);
            }
            assertEquals(List.of(answered.corrId()), first, "oldest first");
            assertEquals(200, answer(provider, answered, "a-1").statusCode());
            assertEquals(List.of(leased.corrId()), poll(provider, 1));
            provider.kill();
        }
        try (ServiceProcess provider = ServiceProcess.start("provider-write-restart-2", "provider", config)) {
            // Ready means the write log is read: the pending two come, the leased one does not, the answered one never.
            assertEquals(List.of(pending.corrId(), unanswered.corrId()), poll(provider, 0));
            assertEquals(200, answer(provider, pending, "p-1").statusCode());

            long deadline = System.currentTimeMillis() + 30_000;
            while (expired().isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep(Math.max(0, answered.timeToLive() - System.currentTimeMillis()) + 2_500); // past every deadline, sweeps ran
            assertEquals(List.of(unanswered.corrId()), expired(), "only the request nobody answered expires");

            HttpResponse<String> again = answer(provider, answered, "a-1");
            assertEquals(409, again.statusCode());
            assertTrue(again.body().contains("Already answered"), again.body());
            HttpResponse<String> late = answer(provider, unanswered, "u-1");
            assertEquals(409, late.statusCode());
            assertTrue(late.body().contains("\"title\":\"Expired\""), late.body());

            WriteEvent.Leased lease = log().stream().filter(e -> e instanceof WriteEvent.Leased l && l.corrId().equals(leased.corrId()))
                    .map(e -> (WriteEvent.Leased) e).findFirst().orElseThrow();
            Thread.sleep(Math.max(0, lease.until() - System.currentTimeMillis()) + 200);
            assertEquals(List.of(leased.corrId()), poll(provider, 0), "the lease from before the restart ran out unanswered");
        }
    }
}
