package no.fint.platform.provider;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Reading a page body: whatever Content-Length says, the bytes are the body's, and past the limit it is 413. */
class SyncPageReaderTest {

    private static byte[] body(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ('a' + i % 26);
        }
        return b;
    }

    /** A stream that hands out at most 7 bytes a read, as a socket may. */
    private static InputStream trickle(byte[] b) {
        return new ByteArrayInputStream(b) {
            @Override
            public synchronized int read(byte[] out, int off, int len) {
                return super.read(out, off, Math.min(len, 7));
            }
        };
    }

    private static byte[] read(byte[] body, String contentLength, long limit) throws IOException {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        if (contentLength != null) {
            headers.putSingle("Content-Length", contentLength);
        }
        return SyncPageReader.readBody(trickle(body), headers, limit);
    }

    @Test
    void theBodyWhateverTheContentLengthSays() throws IOException {
        byte[] b = body(1000);
        assertArrayEquals(b, read(b, "1000", 10_000));
        assertArrayEquals(b, read(b, null, 10_000));
        assertArrayEquals(b, read(b, "10", 10_000));
        assertArrayEquals(b, read(b, "5000", 10_000));
        assertArrayEquals(b, read(b, "x", 10_000));
        assertArrayEquals(new byte[0], read(new byte[0], "0", 10_000));
    }

    @Test
    void overTheLimitIs413() {
        byte[] b = body(1001);
        for (String length : new String[]{"1001", null, "10"}) {
            WebApplicationException e = assertThrows(WebApplicationException.class, () -> read(b, length, 1000));
            assertEquals(413, e.getResponse().getStatus());
        }
    }

    @Test
    void exactlyTheLimitIsRead() throws IOException {
        byte[] b = body(1000);
        assertArrayEquals(b, read(b, "1000", 1000));
        assertArrayEquals(b, read(b, null, 1000));
    }
}
