package no.fint.platform.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The ingest benchmark measures the provider as {@code ./fint up} runs it. */
class ProviderJvmTest {

    @Test
    void theBenchmarkStartsTheProviderWithFintsSettings() throws Exception {
        assertEquals(FintScriptSettings.words("PROVIDER_JVM"), IngestBenchmark.PROVIDER_JVM);
    }
}
