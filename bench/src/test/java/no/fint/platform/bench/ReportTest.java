package no.fint.platform.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTest {

    @Test
    void printsFiguresBaselinesRatiosAndVerdicts() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Report r = new Report(new PrintStream(bytes, true, StandardCharsets.UTF_8), "demo");
        r.compare("ingest", 30_000, "producer-perf", 100_000, "records/s", 0.25);
        r.compare("read", 10_000, "trivial", 28_000, "req/s", 0.6);
        r.target("p99", 12.5, "ms", 25, true);
        r.print();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("30,000 records/s"), out);
        assertTrue(out.contains("0.300") && out.contains("PASS (target >= 0.250)"), out);
        assertTrue(out.contains("0.357") && out.contains("MISS (target >= 0.600)"), out);
        assertTrue(out.contains("PASS (target <= 25 ms)"), out);
        assertTrue(out.contains("== bench demo"), out);
    }
}
