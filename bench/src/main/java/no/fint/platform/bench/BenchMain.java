package no.fint.platform.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;

/** {@code ./fint bench <name> [args]}: runs one benchmark; without a name lists them. */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        List<Benchmark> all = new ArrayList<>();
        ServiceLoader.load(Benchmark.class).forEach(all::add);
        all.sort((a, b) -> a.name().compareTo(b.name()));
        if (args.length == 0) {
            System.out.println("usage: ./fint bench <name> [args]");
            all.forEach(b -> System.out.printf("  %-12s %s%n", b.name(), b.description()));
            return;
        }
        for (Benchmark b : all) {
            if (b.name().equals(args[0])) {
                Report report = new Report(System.out, b.name());
                b.run(Arrays.asList(args).subList(1, args.length), report);
                report.print();
                System.exit(0);
            }
        }
        System.err.println("fint: no benchmark '" + args[0] + "'; ./fint bench lists them");
        System.exit(2);
    }
}
