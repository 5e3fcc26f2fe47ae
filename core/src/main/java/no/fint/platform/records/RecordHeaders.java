package no.fint.platform.records;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Header names and encodings shared by every producer and reader of entity records. */
public final class RecordHeaders {

    /** UTF-8 lower-case resource name, e.g. {@code elevforhold}. */
    public static final String RESOURCE_NAME = "resource-name";
    /** 8-byte big-endian epoch ms: when the platform accepted this version (FINT v2 misnamed it entity-retention-time). */
    public static final String LAST_MODIFIED = "last-modified";
    /** UTF-8 {@code FULL}, {@code DELTA}, {@code DELETE} or {@code EVENT}. */
    public static final String SYNC_TYPE = "sync-type";
    /** The {@link #SYNC_TYPE} of a record written for a client's write request (an adapter's accepted answer). */
    public static final String SYNC_TYPE_EVENT = "EVENT";
    /** UTF-8 corrId of the sync (or write request) that produced the record. */
    public static final String CORR_ID = "corr-id";

    private RecordHeaders() {
    }

    public static byte[] encodeLong(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    public static long decodeLong(byte[] bytes) {
        if (bytes == null || bytes.length != Long.BYTES) {
            throw new IllegalArgumentException("A long header needs 8 bytes");
        }
        return ByteBuffer.wrap(bytes).getLong();
    }

    public static byte[] encodeString(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    public static String decodeString(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
