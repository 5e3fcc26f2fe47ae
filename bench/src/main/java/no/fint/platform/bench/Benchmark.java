package no.fint.platform.bench;

import java.util.List;

/**
 * One benchmark, run by {@code ./fint bench <name>}. Each prints raw figures and the ratio to a
 * baseline measured in the same run (never a hard-coded one) through {@link Report}. Registered in
 * {@code META-INF/services/no.fint.platform.bench.Benchmark}.
 */
public interface Benchmark {

    /** The name on the command line, e.g. {@code ingest}. */
    String name();

    /** One line for {@code ./fint bench} without arguments. */
    String description();

    /** Runs the benchmark; {@code args} are the words after the name. */
    void run(List<String> args, Report report) throws Exception;
}
