package no.fint.platform.contract.golden;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoldenCaseTest {

    @Test
    void readsNoteRequestStatusHeadersAndTheBodyWithoutItsFinalNewline(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x.http");
        Files.writeString(f, "# the rule\nGET /a/b?c=1\nAccept: application/json\n\n404\nContent-Type: text/x\n\n{\"m\":\"v\"}\n");
        GoldenCase c = GoldenCase.read(f);
        assertEquals("the rule", c.note());
        assertEquals("GET", c.method());
        assertEquals("/a/b?c=1", c.path());
        assertEquals(Map.of("Accept", "application/json"), c.requestHeaders());
        assertEquals(404, c.status());
        assertEquals(Map.of("content-type", "text/x"), c.responseHeaders());
        assertEquals("{\"m\":\"v\"}", c.body());
        assertNull(c.requestBodyFile());
        Files.writeString(f, "# a write\nPOST /a\nContent-Type: application/json\n< data/x.json\n\n202\nLocation: https://h/a/status/{{uuid:W}}\n\n");
        GoldenCase w = GoldenCase.read(f);
        assertEquals("data/x.json", w.requestBodyFile());
        assertEquals(Map.of("Content-Type", "application/json"), w.requestHeaders());
        assertEquals(202, w.status());
        assertEquals(Map.of("location", "https://h/a/status/{{uuid:W}}"), w.responseHeaders());
        assertEquals("", w.body());
        Files.writeString(f, "GET /a\n\n200\n\n");
        assertThrows(IllegalArgumentException.class, () -> GoldenCase.read(f), "the note is required");
    }

    /** Every golden file of the suite parses and names its rule; none is empty of a body by accident. */
    @Test
    void everyGoldenFileIsWellFormed() throws IOException {
        Path root = Path.of("src/test/resources/golden/cases");
        try (Stream<Path> files = Files.walk(root)) {
            long n = files.filter(p -> p.toString().endsWith(".http")).peek(p -> {
                GoldenCase c = GoldenCase.read(p);
                assertFalse(c.note().isBlank(), p.toString());
                // v1's answers without a body: 202 (a write taken, a status pending), 204 (a delete
                // done) and 410 on /status (unknown); they carry no Content-Type either
                boolean empty = c.status() == 202 || c.status() == 204 || (c.status() == 410 && c.body().isEmpty());
                assertEquals(empty, c.body().isEmpty(), p + ": every other answer of the v1 API has a body");
                assertEquals(!empty, c.responseHeaders().containsKey("content-type"), p + ": Content-Type is part of the contract");
                if (c.requestBodyFile() != null) {
                    assertTrue(Files.isRegularFile(root.resolveSibling(c.requestBodyFile())), p + ": " + c.requestBodyFile());
                }
            }).count();
            assertTrue(n >= 40, "golden files: " + n);
        }
    }
}
