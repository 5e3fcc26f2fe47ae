package no.fint.platform.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The record format of the contract topic: key {@code adapterId}, value the stored contract
 * ({@code adapterId, orgId, username, heartbeatIntervalInMinutes, capabilities[{domainName,
 * packageName, resourceName, resource, fullSyncIntervalInDays, deltaSyncInterval}], registeredAt});
 * null value = the contract is withdrawn.
 */
public final class ContractRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContractRecords() {
    }

    public static byte[] write(Contract c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("adapterId", c.adapterId());
        n.put("orgId", c.orgId());
        n.put("username", c.username());
        n.put("heartbeatIntervalInMinutes", c.heartbeatIntervalInMinutes());
        ArrayNode caps = n.putArray("capabilities");
        for (Capability cap : c.capabilities()) {
            ObjectNode x = caps.addObject();
            x.put("domainName", cap.domainName());
            x.put("packageName", cap.packageName());
            x.put("resourceName", cap.resourceName());
            x.put("resource", cap.resource());
            x.put("fullSyncIntervalInDays", cap.fullSyncIntervalInDays());
            x.put("deltaSyncInterval", cap.deltaSyncInterval());
        }
        n.put("registeredAt", c.registeredAt());
        try {
            return JSON.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Contract read(byte[] value) {
        JsonNode n;
        try {
            n = JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Capability> caps = new ArrayList<>();
        for (JsonNode x : n.path("capabilities")) {
            caps.add(new Capability(x.path("domainName").asText(), x.path("packageName").asText(), x.path("resourceName").asText(),
                    x.path("resource").asText(), x.path("fullSyncIntervalInDays").asInt(),
                    x.hasNonNull("deltaSyncInterval") ? x.get("deltaSyncInterval").asText() : null));
        }
        return new Contract(n.path("adapterId").asText(), n.path("orgId").asText(),
                n.hasNonNull("username") ? n.get("username").asText() : null, n.path("heartbeatIntervalInMinutes").asInt(1),
                caps, n.path("registeredAt").asLong());
    }
}
