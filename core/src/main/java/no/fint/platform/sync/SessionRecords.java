package no.fint.platform.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The record format of the sync-session topic: a <b>header</b> per sync (key {@code corrId}, value
 * the session's snapshot) and a <b>page</b> record per received page (key {@code corrId U+001F
 * page}, value {@code {"page","count","hash","at"}}). A page record is written only after every
 * record of the page is acknowledged; a restarted provider folds them back into {@link SyncSessions}.
 */
public final class SessionRecords {

    public static final char SEPARATOR = '\u001F';

    private static final ObjectMapper JSON = new ObjectMapper();

    private SessionRecords() {
    }

    public static String headerKey(String corrId) {
        return corrId;
    }

    public static String pageKey(String corrId, long page) {
        return corrId + SEPARATOR + page;
    }

    /** True for a page record's key. */
    public static boolean isPageKey(String key) {
        return key.indexOf(SEPARATOR) >= 0;
    }

    /** The corrId a key belongs to. */
    public static String corrId(String key) {
        int i = key.indexOf(SEPARATOR);
        return i < 0 ? key : key.substring(0, i);
    }

    public static byte[] header(SyncSession.Snapshot s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("corrId", s.corrId());
        n.put("orgId", s.orgId());
        n.put("adapterId", s.adapterId());
        n.put("resource", s.resource());
        n.put("syncType", s.type().name());
        n.put("totalSize", s.totalSize());
        n.put("totalPages", s.totalPages());
        n.put("startedAt", s.startedAt());
        n.put("updatedAt", s.updatedAt());
        n.put("state", s.state().name());
        n.put("pagesReceived", s.pagesReceived());
        n.put("resourcesReceived", s.resourcesReceived());
        n.put("resourcesDeleted", s.resourcesDeleted());
        n.put("error", s.error());
        n.put("supersededBy", s.supersededBy());
        n.put("version", s.version());
        return bytes(n);
    }

    public static SyncSession.Snapshot parseHeader(byte[] value) {
        JsonNode n = tree(value);
        return new SyncSession.Snapshot(n.path("corrId").asText(), text(n, "orgId"), text(n, "adapterId"), text(n, "resource"),
                SyncType.valueOf(n.path("syncType").asText()), n.path("totalSize").asLong(), n.path("totalPages").asLong(),
                n.path("startedAt").asLong(), n.path("updatedAt").asLong(), SyncState.valueOf(n.path("state").asText()),
                n.path("pagesReceived").asLong(), n.path("resourcesReceived").asLong(), n.path("resourcesDeleted").asLong(),
                text(n, "error"), text(n, "supersededBy"), n.path("version").asLong());
    }

    public static byte[] page(SyncSession.PageRecord p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("page", p.page());
        n.put("count", p.count());
        n.put("hash", p.hash());
        n.put("at", p.at());
        return bytes(n);
    }

    public static SyncSession.PageRecord parsePage(byte[] value) {
        JsonNode n = tree(value);
        return new SyncSession.PageRecord(n.path("page").asLong(), n.path("count").asInt(), n.path("hash").asLong(), n.path("at").asLong());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static byte[] bytes(JsonNode n) {
        try {
            return JSON.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode tree(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
