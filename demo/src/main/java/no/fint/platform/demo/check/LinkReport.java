package no.fint.platform.demo.check;

import no.fint.platform.demo.DataSet;
import no.fint.platform.model.InformationModel;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A link walk judged against a demo data set: the hrefs that did not answer 200 must be exactly the
 * data set's deliberate dangling links, every maintained relation must agree with its inverse, and the
 * inverse links the relations service maintains must be there on every resource that has one
 * (every elev its elevforhold, every skole its elevforhold, every arbeidsforhold its personalressurs).
 */
public record LinkReport(int resources, int followed, Set<String> expectedDangling, List<LinkWalk.Dangling> dangling,
                         List<LinkIndex.Mismatch> mismatches, List<String> missingInverses) {

    /** Resource path and maintained inverse relation that every resource of that path has in the demo data. */
    static final List<String[]> EVERY_ONE_HAS = List.of(
            new String[]{"/utdanning/elev/elev", "elevforhold"},
            new String[]{"/utdanning/utdanningsprogram/skole", "elevforhold"},
            // Personalressurs owns its arbeidsforhold links (isSource); the way back is the maintained one.
            new String[]{"/administrasjon/personal/arbeidsforhold", "personalressurs"});

    public static LinkReport of(LinkWalk.Result walk, List<LinkIndex.Mismatch> mismatches, DataSet data, InformationModel model,
                                String baseUrl) {
        return new LinkReport(walk.index().size(), walk.followed(), expectedDangling(data, model, baseUrl), walk.dangling(),
                mismatches, missingInverses(walk.index()));
    }

    /** The resources of {@link #EVERY_ONE_HAS} without their inverse links, one line each. */
    public static List<String> missingInverses(LinkIndex index) {
        List<String> missing = new ArrayList<>();
        for (String[] rule : EVERY_ONE_HAS) {
            for (String id : index.withoutRelation(rule[0], rule[1])) {
                missing.add(id + " has no " + rule[1]);
            }
        }
        return missing;
    }

    /** The data set's deliberate dangling links as the consumer serves them (absolute URLs). */
    public static Set<String> expectedDangling(DataSet data, InformationModel model, String baseUrl) {
        Set<String> out = new TreeSet<>();
        for (DataSet.DanglingLink d : data.danglingLinks()) {
            String href = d.href(); // ${domain.package.class}/field/value
            int close = href.indexOf('}');
            String type = href.substring(2, close);
            String path = model.placeholderPath(type, d.source().component())
                    .orElseThrow(() -> new IllegalStateException("no path for " + type));
            out.add(baseUrl + path + href.substring(close + 1));
        }
        return out;
    }

    /** The hrefs that did not answer 200. */
    public Set<String> danglingHrefs() {
        Set<String> out = new TreeSet<>();
        dangling.forEach(d -> out.add(d.href()));
        return out;
    }

    /** True when nothing dangles but the data set's deliberate links and every relation agrees with its inverse. */
    public boolean ok() {
        return danglingHrefs().equals(expectedDangling) && mismatches.isEmpty() && missingInverses.isEmpty();
    }

    public void print(PrintStream out) {
        out.printf("link walk: %,d resources read, %,d distinct hrefs followed%n", resources, followed);
        Set<String> unexpected = new TreeSet<>(danglingHrefs());
        unexpected.removeAll(expectedDangling);
        Set<String> notDangling = new TreeSet<>(expectedDangling);
        notDangling.removeAll(danglingHrefs());
        out.printf("  dangling: %d (%d deliberate in the data set), unexpected: %d, deliberate but answered: %d%n",
                dangling.size(), expectedDangling.size(), unexpected.size(), notDangling.size());
        dangling.stream().filter(d -> unexpected.contains(d.href())).limit(20).forEach(d -> out.println("    unexpected " + d));
        notDangling.stream().limit(20).forEach(h -> out.println("    expected to dangle " + h));
        out.printf("  relations disagreeing with their inverse: %d%n", mismatches.size());
        mismatches.stream().limit(20).forEach(m -> out.println("    " + m));
        out.printf("  resources without their inverse links: %d%n", missingInverses.size());
        missingInverses.stream().limit(20).forEach(m -> out.println("    " + m));
        out.println(ok() ? "link walk: OK" : "link walk: FAILED");
    }
}
