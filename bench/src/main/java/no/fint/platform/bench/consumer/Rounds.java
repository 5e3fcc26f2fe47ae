package no.fint.platform.bench.consumer;

import no.fint.platform.bench.LoadGen;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Measures two endpoints in alternating rounds and keeps each one's median round, so a burst of
 * outside load (the machine is shared) lands on both sides instead of deciding the ratio.
 */
final class Rounds {

    @FunctionalInterface
    interface Measure {
        LoadGen.Result run(LoadGen gen, Duration duration) throws IOException;
    }

    record Pair(LoadGen.Result subject, LoadGen.Result baseline) {
    }

    static Pair alternate(LoadGen subject, LoadGen baseline, int rounds, Duration each, Measure measure,
                          Comparator<LoadGen.Result> order, String label) throws IOException {
        List<LoadGen.Result> s = new ArrayList<>();
        List<LoadGen.Result> b = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            LoadGen.Result rb = measure.run(baseline, each);
            LoadGen.Result rs = measure.run(subject, each);
            b.add(rb);
            s.add(rs);
            System.out.printf("  %s round %d: baseline %s%n  %s round %d: subject  %s%n", label, i + 1, rb.summary(), label, i + 1, rs.summary());
        }
        s.sort(order);
        b.sort(order);
        return new Pair(s.get(s.size() / 2), b.get(b.size() / 2));
    }
}
