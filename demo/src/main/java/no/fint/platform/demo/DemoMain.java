package no.fint.platform.demo;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code ./fint adapter demo ...} (the demo adapter) and {@code ./fint adapter dataset ...} (a data
 * set's counts, dangling links and the generator's throughput).
 */
public final class DemoMain {

    static final String USAGE = """
            usage: ./fint adapter dataset [--size small|medium|large] [--seed N] [--show /domain/package/resource [--count K]]
                     counts per resource type, the dangling links and the generator's throughput; --show prints resources
            """;

    private DemoMain() {
    }

    public static void main(String[] args) {
        List<String> all = Arrays.asList(args);
        if (all.isEmpty() || all.contains("--help") || all.contains("-h")) {
            System.out.print(USAGE);
            return;
        }
        try {
            switch (all.get(0)) {
                case "dataset" -> dataset(new Args(all.subList(1, all.size()), Set.of("size", "seed", "show", "count")));
                default -> throw new Args.UsageException("unknown command '" + all.get(0) + "'");
            }
        } catch (Args.UsageException e) {
            System.err.println("fint: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        }
    }

    private static void dataset(Args args) {
        DataSet data = DataSet.of(args.size(), args.longValue("seed", 1));
        String show = args.get("show", null);
        if (show != null) {
            try {
                DataSetReport.show(data, show, args.integer("count", 3, 1, Integer.MAX_VALUE), System.out);
            } catch (IllegalArgumentException e) {
                throw new Args.UsageException(e.getMessage());
            }
            return;
        }
        DataSetReport.counts(data, System.out);
        DataSetReport.throughput(data, System.out);
    }
}
