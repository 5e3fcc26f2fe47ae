package no.fint.platform.bench.consumer;

import no.fint.platform.bench.FintScriptSettings;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The consumer benchmarks measure the consumer as {@code ./fint up} runs it. */
class ConsumerJvmTest {

    @Test
    void theBenchmarksStartTheConsumerWithFintsSettings() throws Exception {
        assertEquals(FintScriptSettings.words("CONSUMER_JVM"), Proc.CONSUMER_JVM);
    }
}
