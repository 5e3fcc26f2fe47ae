package no.fint.platform.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Prints a benchmark's figures as a table: each measured figure next to its baseline from the same
 * run, the ratio, and the target it is held against. Says PASS or MISS per target; never asserts.
 */
public final class Report {

    private final PrintStream out;
    private final String benchmark;
    private final List<String[]> rows = new ArrayList<>();

    public Report(PrintStream out, String benchmark) {
        this.out = out;
        this.benchmark = benchmark;
    }

    /** Helidon and Kafka versions this bench jar was built with (recorded next to every figure). */
    public static Properties versions() {
        Properties p = new Properties();
        try (InputStream in = Report.class.getResourceAsStream("/bench.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // versions stay unknown
        }
        return p;
    }

    /** A raw figure without a baseline. */
    public void figure(String name, double value, String unit) {
        rows.add(new String[]{name, fmt(value) + " " + unit, "", "", ""});
    }

    /**
     * A figure, its baseline measured in the same run, the ratio value/baseline, and whether the ratio
     * meets {@code minRatio} (pass {@code NaN} for no ratio target).
     */
    public void compare(String name, double value, String baselineName, double baseline, String unit, double minRatio) {
        double ratio = baseline == 0 ? Double.NaN : value / baseline;
        String verdict = Double.isNaN(minRatio) ? "" : (ratio >= minRatio ? "PASS" : "MISS") + " (target >= " + fmt(minRatio) + ")";
        rows.add(new String[]{name, fmt(value) + " " + unit, baselineName + " " + fmt(baseline) + " " + unit, fmt(ratio), verdict});
    }

    /** A figure held against an absolute target: {@code atMost} true means lower is better. */
    public void target(String name, double value, String unit, double target, boolean atMost) {
        boolean ok = atMost ? value <= target : value >= target;
        rows.add(new String[]{name, fmt(value) + " " + unit, "", "", (ok ? "PASS" : "MISS") + " (target " + (atMost ? "<= " : ">= ") + fmt(target) + " " + unit + ")"});
    }

    /** Prints the table. */
    public void print() {
        Properties v = versions();
        out.printf("%n== bench %s  (Helidon %s, Kafka %s, %d cores, Java %s)%n", benchmark,
                v.getProperty("helidon.version", "?"), v.getProperty("kafka.version", "?"),
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        String[] head = {"figure", "value", "baseline (same run)", "ratio", "target"};
        int[] w = new int[head.length];
        List<String[]> all = new ArrayList<>();
        all.add(head);
        all.addAll(rows);
        for (String[] r : all) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (String[] r : all) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                b.append(String.format("%-" + (w[i] + 2) + "s", r[i]));
            }
            out.println(b.toString().stripTrailing());
        }
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Math.abs(v) >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
