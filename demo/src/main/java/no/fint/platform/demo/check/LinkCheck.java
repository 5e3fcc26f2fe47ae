package no.fint.platform.demo.check;

import no.fint.platform.demo.DataSet;
import no.fint.platform.model.Component;
import no.fint.platform.model.InformationModel;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The link walk of a consumer serving a demo data set, end to end: read the collections until the
 * relations agree with their inverses (the relations service may still be catching up) or the settle
 * time is up, then follow every href once and judge the result against the data set.
 */
public final class LinkCheck {

    /** The components whose hrefs are followed (the relations issue's walk). */
    public static final List<Component> FOLLOWED = List.of(Component.parse("utdanning/elev"), Component.parse("administrasjon/personal"));

    private LinkCheck() {
    }

    public static LinkReport walk(URI consumer, String baseUrl, DataSet data, Supplier<String> token, Duration settle, PrintStream log)
            throws IOException, InterruptedException {
        InformationModel model = InformationModel.load();
        LinkWalk walk = new LinkWalk(new LinkWalk.Settings(consumer, baseUrl, data.components(), FOLLOWED, token, 16), model);
        long deadline = System.nanoTime() + settle.toNanos();
        int previousSize = -1;
        while (true) {
            long start = System.nanoTime();
            LinkIndex index = walk.read();
            double seconds = (System.nanoTime() - start) / 1e9;
            List<LinkIndex.Mismatch> mismatches = walk.inverseMismatches(index);
            // Settled: every relation agrees with its inverse and the cache holds what it held a read ago
            // (a demo adapter may still delete and re-add a few resources, so not always the full set).
            boolean settled = mismatches.isEmpty() && LinkReport.missingInverses(index).isEmpty() && index.size() == previousSize;
            previousSize = index.size();
            if (settled || System.nanoTime() > deadline) {
                if (!settled) {
                    log.printf("link walk: not settled within %s (%,d of %,d resources served, %d relations disagree)%n",
                            settle, index.size(), data.totalSize(), mismatches.size());
                }
                long followStart = System.nanoTime();
                LinkWalk.Result followed = walk.follow(index);
                log.printf("link walk: followed %,d hrefs in %.1f s%n", followed.followed(), (System.nanoTime() - followStart) / 1e9);
                return LinkReport.of(followed, mismatches, data, model, baseUrl);
            }
            log.printf("link walk: %,d of %,d resources served (read in %.1f s), %d relations disagree with their inverse; reading again%n",
                    index.size(), data.totalSize(), seconds, mismatches.size());
            Thread.sleep(1000);
        }
    }

    /** For {@code ./fint adapter links}: walks, prints the report, true when it is OK. */
    public static boolean run(URI consumer, String baseUrl, DataSet data, Supplier<String> token, PrintStream out) {
        try {
            LinkReport report = walk(consumer, baseUrl, data, token, Duration.ofSeconds(60), out);
            report.print(out);
            return report.ok();
        } catch (IOException e) {
            out.println("link walk: cannot read " + consumer + ": " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
