package no.fint.platform.demo;

import no.fint.platform.model.ResourceType;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Iterator;
import java.util.Locale;

/**
 * {@code ./fint adapter dataset --size S [--seed N] [--show /path [--count K]]}: prints a data set's
 * counts per resource type, its dangling links and the generator's single-threaded throughput, or a
 * few resources of one type.
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

    /**
     * A warm-up pass (the JIT compiles the writers), then the best of three measured passes, in wall
     * time and in this thread's CPU time (which other processes on a shared machine do not inflate).
     */
    static void throughput(DataSet data, PrintStream out) {
        pass(data);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported();
        long bestWall = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        long[] r = null;
        for (int i = 0; i < 3; i++) {
            long w0 = System.nanoTime();
            long c0 = cpu ? threads.getCurrentThreadCpuTime() : 0;
            r = pass(data);
            bestWall = Math.min(bestWall, System.nanoTime() - w0);
            bestCpu = Math.min(bestCpu, cpu ? threads.getCurrentThreadCpuTime() - c0 : Long.MAX_VALUE);
        }
        double wall = bestWall / 1e9;
        out.printf(Locale.ROOT, "generator, one thread, best of 3: %,d resources, %,.1f MB of JSON in %.2f s: %,.0f resources/s, %.1f MB/s%s%n",
                r[0], r[1] / 1e6, wall, r[0] / wall, r[1] / 1e6 / wall,
                cpu ? String.format(Locale.ROOT, " (%,.0f resources per CPU second)", r[0] / (bestCpu / 1e9)) : "");
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
