package no.fint.platform.demo.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.fint.platform.demo.DataSet;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes SyncPage bodies. The resources are copied in as the generator wrote them (already JSON), so a
 * page costs one pass over its bytes.
 */
final class SyncPages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SyncPages() {
    }

    /**
     * One page.
     *
     * @param type       FULL, DELTA or DELETE (informational; the HTTP method decides)
     * @param uriRef     the resource path (ignored by the provider, sent as FINT v2 adapters do)
     * @param withResources false for delete pages: entries carry the identifier only
     */
    static byte[] page(String adapterId, String orgId, String corrId, String type, String uriRef, long totalSize, int page,
                       int totalPages, List<DataSet.Entry> entries, boolean withResources) {
        ObjectNode meta = JSON.createObjectNode()
                .put("adapterId", adapterId)
                .put("corrId", corrId)
                .put("orgId", orgId)
                .put("totalSize", totalSize)
                .put("page", page)
                .put("pageSize", entries.size())
                .put("totalPages", totalPages)
                .put("uriRef", uriRef)
                .put("time", System.currentTimeMillis());
        int estimate = 256;
        for (DataSet.Entry e : entries) {
            estimate += e.json().length + e.identifier().length() + 40;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(estimate);
        try {
            out.writeBytes("{\"metadata\":".getBytes());
            out.writeBytes(JSON.writeValueAsBytes(meta));
            out.writeBytes(",\"resources\":[".getBytes());
            for (int i = 0; i < entries.size(); i++) {
                DataSet.Entry e = entries.get(i);
                out.writeBytes(i == 0 ? "{\"identifier\":".getBytes() : ",{\"identifier\":".getBytes());
                out.writeBytes(JSON.writeValueAsBytes(e.identifier()));
                if (withResources) {
                    out.writeBytes(",\"resource\":".getBytes());
                    out.writeBytes(e.json());
                }
                out.write('}');
            }
            out.writeBytes(("],\"syncType\":\"" + type + "\"}").getBytes());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
