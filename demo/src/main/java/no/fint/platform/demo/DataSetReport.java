package no.fint.platform.demo;

import no.fint.platform.model.ResourceType;

import java.io.PrintStream;
import java.util.Iterator;
import java.util.Locale;

/**
 * {@code ./fint adapter dataset --size S [--seed N] [--show /path [--count K]]}: prints a data set's
 * counts per resource type, its dangling links and the generator's single-threaded throughput (a
 * warm-up pass, then a measured pass), or a few resources of one type.
 */
final class DataSetReport {

    private DataSetReport() {
    }

    static void counts(DataSet data, PrintStream out) {
        out.printf(Locale.ROOT, "%s%n", data);
        for (ResourceType t : data.types()) {
            out.printf(Locale.ROOT, "  %-52s %,10d%n", t.path(), data.count(t));
        }
        out.printf(Locale.ROOT, "  %-52s %,10d%n", "total", data.totalSize());
        out.println("dangling links (targets deliberately missing):");
        for (DataSet.DanglingLink d : data.danglingLinks()) {
            out.printf(Locale.ROOT, "  %s/%s %s -> %s%n", d.source().path(), d.identifier(), d.relation(), d.href());
        }
    }

    static void throughput(DataSet data, PrintStream out) {
        pass(data); // warm-up: let the JIT compile the writers
        long t0 = System.nanoTime();
        long[] r = pass(data);
        double s = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "generator, one thread: %,d resources, %,.1f MB of JSON in %.2f s: %,.0f resources/s, %.1f MB/s%n",
                r[0], r[1] / 1e6, s, r[0] / s, r[1] / 1e6 / s);
    }

    private static long[] pass(DataSet data) {
        long n = 0;
        long bytes = 0;
        for (ResourceType t : data.types()) {
            for (Iterator<DataSet.Entry> it = data.entries(t); it.hasNext(); ) {
                bytes += it.next().json().length;
                n++;
            }
        }
        return new long[] {n, bytes};
    }

    static void show(DataSet data, String path, int count, PrintStream out) {
        ResourceType t = data.type(path);
        Iterator<DataSet.Entry> it = data.entries(t);
        for (int i = 0; i < count && it.hasNext(); i++) {
            out.println(it.next());
        }
    }
}
