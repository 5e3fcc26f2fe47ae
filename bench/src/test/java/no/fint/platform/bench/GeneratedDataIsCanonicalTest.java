package no.fint.platform.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import no.fint.platform.canonical.Canonicalizer;
import no.fint.platform.canonical.PageCanonicalizer;
import no.fint.platform.canonical.RawJson;
import no.fint.platform.demo.DataSet;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ResourceType;
import no.fint.platform.sync.SyncType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data the ingest benchmark sends is data the provider accepts: every resource of the small data
 * set passes validation and canonicalisation (a benchmark of refused pages would measure nothing).
 */
class GeneratedDataIsCanonicalTest {

    @Test
    void everyGeneratedResourceIsValid() throws Exception {
        InformationModel model = InformationModel.load("4.0.30");
        Canonicalizer canonicalizer = new Canonicalizer(model);
        PageCanonicalizer pages = new PageCanonicalizer(canonicalizer);
        ObjectMapper json = new ObjectMapper();
        DataSet data = DataSet.of(DataSet.Size.SMALL, 1);
        int total = 0;
        for (ResourceType type : data.types()) {
            List<PageCanonicalizer.Entry> entries = new ArrayList<>();
            for (Iterator<DataSet.Entry> it = data.entries(type); it.hasNext(); ) {
                DataSet.Entry e = it.next();
                entries.add(new PageCanonicalizer.Entry(e.identifier(), json.readTree(e.json())));
                // The streaming fast path takes generated resources (FINT's model order) and agrees with the tree walk.
                Canonicalizer.Streamed fast = canonicalizer.stream(type, new RawJson(e.json(), 0, e.json().length),
                        new com.fasterxml.jackson.core.util.ByteArrayBuilder());
                assertTrue(fast != null, () -> "not streamed: " + e);
                no.fint.platform.canonical.Violations v = new no.fint.platform.canonical.Violations();
                assertArrayEquals(canonicalizer.canonicalize(type, json.readTree(e.json()), v), fast.json(), e::toString);
            }
            PageCanonicalizer.PageResult r = pages.canonicalize(type, SyncType.FULL, entries);
            assertTrue(r.violations().isEmpty(), type + ": " + r.violations().stream().limit(5).toList());
            assertEquals(data.count(type), r.entries().size());
            total += r.entries().size();
        }
        assertEquals(data.totalSize(), total);
    }
}
