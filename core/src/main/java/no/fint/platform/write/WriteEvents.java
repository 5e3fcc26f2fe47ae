package no.fint.platform.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The record format of the write log: one JSON object per {@link WriteEvent}, its kind in
 * {@code type} ({@code REQUESTED}, {@code LEASED}, {@code ANSWERED}, {@code EXPIRED}). Resources travel
 * as JSON strings (FINT v2's {@code value} convention), already canonical. Absent values are left out.
 */
public final class WriteEvents {

    /**
     * How long the write log keeps records: longer than a status is kept (30 minutes after the
     * write) plus the longest time to live, so a restarted provider or consumer finds every request
     * it still has to answer for.
     */
    public static final Duration RETENTION = Duration.ofHours(1);
    /** Segments roll this often, so the retention is applied within this much of its time. */
    public static final Duration SEGMENT = Duration.ofMinutes(10);
    /** The longest time to live of a request (a consumer's configuration cannot exceed it; the provider caps it). */
    public static final Duration MAX_TIME_TO_LIVE = Duration.ofMinutes(25);

    private static final ObjectMapper JSON = new ObjectMapper();

    private WriteEvents() {
    }

    public static byte[] write(WriteEvent event) {
        ObjectNode n = JSON.createObjectNode();
        switch (event) {
            case WriteEvent.Requested r -> {
                WriteRequest q = r.request();
                n.put("type", "REQUESTED");
                n.put("corrId", q.corrId());
                n.put("orgId", q.orgId());
                n.put("resource", q.resource());
                n.put("operationType", q.operation().name());
                put(n, "query", q.query());
                put(n, "value", q.value());
                n.put("created", q.created());
                n.put("timeToLive", q.timeToLive());
                put(n, "client", q.client());
            }
            case WriteEvent.Leased l -> {
                n.put("type", "LEASED");
                n.put("corrId", l.corrId());
                n.put("adapterId", l.adapterId());
                n.put("at", l.at());
                n.put("until", l.until());
            }
            case WriteEvent.Answered a -> {
                WriteAnswer w = a.answer();
                n.put("type", "ANSWERED");
                n.put("corrId", w.corrId());
                n.put("orgId", w.orgId());
                put(n, "adapterId", w.adapterId());
                n.put("operationType", w.operation().name());
                n.put("responseStatus", w.status().name());
                put(n, "message", w.message());
                put(n, "statusCode", w.statusCode());
                if (w.problems() != null) {
                    ArrayNode ps = n.putArray("problems");
                    for (Problem p : w.problems()) {
                        ObjectNode pn = ps.addObject();
                        put(pn, "field", p.field());
                        put(pn, "message", p.message());
                        put(pn, "code", p.code());
                    }
                }
                put(n, "identifier", w.identifier());
                put(n, "resource", w.resource());
                n.put("handledAt", w.handledAt());
                n.put("answeredAt", w.answeredAt());
                n.put("entityPartition", w.entityPartition());
                n.put("entityOffset", w.entityOffset());
            }
            case WriteEvent.Expired x -> {
                n.put("type", "EXPIRED");
                n.put("corrId", x.corrId());
                n.put("orgId", x.orgId());
                n.put("at", x.at());
            }
        }
        try {
            return JSON.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a record; throws {@link IllegalArgumentException} when it is not a write event. */
    public static WriteEvent read(byte[] value) {
        JsonNode n;
        try {
            n = JSON.readTree(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable write event: " + e.getMessage(), e);
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("a write event is a JSON object");
        }
        String corrId = required(n, "corrId");
        String type = required(n, "type");
        return switch (type) {
            case "REQUESTED" -> new WriteEvent.Requested(new WriteRequest(corrId, required(n, "orgId"), required(n, "resource"),
                    operation(n), text(n, "query"), text(n, "value"), n.path("created").asLong(), n.path("timeToLive").asLong(),
                    text(n, "client")));
            case "LEASED" -> new WriteEvent.Leased(corrId, required(n, "adapterId"), n.path("at").asLong(), n.path("until").asLong());
            case "ANSWERED" -> {
                List<Problem> problems = null;
                if (n.path("problems").isArray()) {
                    problems = new ArrayList<>();
                    for (JsonNode p : n.path("problems")) {
                        problems.add(new Problem(text(p, "field"), text(p, "message"), text(p, "code")));
                    }
                }
                ResponseStatus status;
                try {
                    status = ResponseStatus.valueOf(required(n, "responseStatus"));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown responseStatus in write event " + corrId);
                }
                yield new WriteEvent.Answered(new WriteAnswer(corrId, required(n, "orgId"), text(n, "adapterId"), operation(n), status,
                        text(n, "message"), text(n, "statusCode"), problems, text(n, "identifier"), text(n, "resource"),
                        n.path("handledAt").asLong(), n.path("answeredAt").asLong(), n.path("entityPartition").asInt(-1),
                        n.path("entityOffset").asLong(-1)));
            }
            case "EXPIRED" -> new WriteEvent.Expired(corrId, required(n, "orgId"), n.path("at").asLong());
            default -> throw new IllegalArgumentException("unknown write event type '" + type + "'");
        };
    }

    private static Operation operation(JsonNode n) {
        Operation o = Operation.parse(text(n, "operationType"));
        if (o == null) {
            throw new IllegalArgumentException("write event without a known operationType");
        }
        return o;
    }

    private static void put(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String required(JsonNode n, String field) {
        String v = text(n, field);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("write event without " + field);
        }
        return v;
    }
}
