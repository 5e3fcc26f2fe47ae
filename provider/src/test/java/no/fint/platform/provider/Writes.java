package no.fint.platform.provider;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.records.Topics;
import no.fint.platform.write.Operation;
import no.fint.platform.write.WriteEvent;
import no.fint.platform.write.WriteEvents;
import no.fint.platform.write.WriteRequest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Write requests as a consumer puts them on the write log, polls and answers as an adapter sends them. */
final class Writes {

    private Writes() {
    }

    static String bootstrap() {
        return KafkaBrokerExtension.bootstrapServers();
    }

    /** Creates the organisation's write log, as its consumer does at start. */
    static void log(String orgId) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(Topics.writeEvents(orgId), 3, (short) 1))).all().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Puts a client's write request on the write log (what a consumer does), returns it. */
    static WriteRequest request(String orgId, String resource, Operation op, String query, String value, long ttlMillis) {
        long now = System.currentTimeMillis();
        WriteRequest r = new WriteRequest(UUID.randomUUID().toString(), orgId, resource, op, query, value, now, now + ttlMillis, "test-client");
        TestKafka.write(bootstrap(), Topics.writeEvents(orgId), r.corrId(), WriteEvents.write(new WriteEvent.Requested(r)));
        return r;
    }

    static Response poll(WebTarget target, String path, String orgId, String adapterId, int size) {
        return target.path("/provider/event" + path).queryParam("size", size).request()
                .header("x-org-id", orgId).header("x-adapter-id", adapterId).get();
    }

    /** Polls until a request comes (the provider reads the log asynchronously); returns the body. */
    static String pollUntilSome(WebTarget target, String path, String orgId, String adapterId, int size) {
        long deadline = System.currentTimeMillis() + 30_000;
        String body = "[]";
        while (System.currentTimeMillis() < deadline) {
            Response r = poll(target, path, orgId, adapterId, size);
            body = r.readEntity(String.class);
            if (r.getStatus() != 200 && r.getStatus() != 503) {
                throw new AssertionError("poll: " + r.getStatus() + " " + body);
            }
            if (r.getStatus() == 200 && !body.equals("[]")) {
                return body;
            }
            sleep(50);
        }
        return body;
    }

    static Response answer(WebTarget target, String json) {
        return target.path("/provider/event").request().post(Entity.json(json));
    }

    static String accepted(WriteRequest r, String adapterId, String identifier, String resource) {
        return "{\"corrId\":\"" + r.corrId() + "\",\"orgId\":\"" + r.orgId() + "\",\"adapterId\":\"" + adapterId
                + "\",\"handledAt\":1760000000000,\"operationType\":\"" + r.operation() + "\",\"failed\":false,\"rejected\":false,\"conflicted\":false"
                + ",\"value\":{\"identifier\":" + (identifier == null ? "null" : "\"" + identifier + "\"") + ",\"resource\":" + resource + "}}";
    }

    /** Every event on the organisation's write log. */
    static List<WriteEvent> events(String orgId) {
        List<WriteEvent> out = new ArrayList<>();
        for (TestKafka.Rec rec : TestKafka.read(bootstrap(), Topics.writeEvents(orgId))) {
            out.add(WriteEvents.read(rec.value().getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    static <T extends WriteEvent> List<T> events(String orgId, Class<T> type) {
        return events(orgId).stream().filter(type::isInstance).map(type::cast).toList();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String elev(String systemId) {
        return "{\"systemId\":{\"identifikatorverdi\":\"" + systemId + "\"}}";
    }
}
