package no.fint.platform.demo.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.fint.platform.model.ResourceType;

import java.io.UncheckedIOException;
import java.util.List;

/** The AdapterContract and AdapterHeartbeat bodies, as a FINT v2 adapter sends them. */
final class Registration {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Registration() {
    }

    /**
     * Every resource type the adapter syncs, as a capability with its full-sync interval and
     * {@code deltaSyncInterval: IMMEDIATE}; like FINT v2's AdapterCapability serialised by a default
     * Jackson mapper, each also carries the derived {@code entityUri} and {@code component}.
     */
    static byte[] contract(AdapterSettings s, List<ResourceType> types) {
        ObjectNode c = JSON.createObjectNode()
                .put("adapterId", s.adapterId())
                .put("orgId", s.orgId())
                .put("username", s.username())
                .put("heartbeatIntervalInMinutes", s.heartbeatMinutes());
        ArrayNode caps = c.putArray("capabilities");
        for (ResourceType t : types) {
            String pkg = t.component().pkg().replace('.', '/'); // kodeverk/iso
            caps.addObject()
                    .put("domainName", t.component().domain())
                    .put("packageName", pkg)
                    .put("resourceName", t.name())
                    .put("fullSyncIntervalInDays", s.fullSyncIntervalDays())
                    .put("deltaSyncInterval", "IMMEDIATE")
                    .put("entityUri", t.path())
                    .put("component", t.component().id());
        }
        c.put("time", System.currentTimeMillis());
        return bytes(c);
    }

    static byte[] heartbeat(AdapterSettings s) {
        return bytes(JSON.createObjectNode()
                .put("adapterId", s.adapterId())
                .put("username", s.username())
                .put("orgId", s.orgId())
                .put("time", System.currentTimeMillis()));
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
