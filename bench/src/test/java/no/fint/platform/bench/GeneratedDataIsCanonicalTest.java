package no.fint.platform.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import no.fint.platform.canonical.Canonicalizer;
import no.fint.platform.canonical.PageCanonicalizer;
import no.fint.platform.demo.DataSet;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ResourceType;
import no.fint.platform.sync.SyncType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

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
        PageCanonicalizer pages = new PageCanonicalizer(new Canonicalizer(model));
        ObjectMapper json = new ObjectMapper();
        DataSet data = DataSet.of(DataSet.Size.SMALL, 1);
        int total = 0;
        for (ResourceType type : data.types()) {
            List<PageCanonicalizer.Entry> entries = new ArrayList<>();
            for (Iterator<DataSet.Entry> it = data.entries(type); it.hasNext(); ) {
                DataSet.Entry e = it.next();
                entries.add(new PageCanonicalizer.Entry(e.identifier(), json.readTree(e.json())));
            }
            PageCanonicalizer.PageResult r = pages.canonicalize(type, SyncType.FULL, entries);
            assertTrue(r.violations().isEmpty(), type + ": " + r.violations().stream().limit(5).toList());
            assertEquals(data.count(type), r.entries().size());
            total += r.entries().size();
        }
        assertEquals(data.totalSize(), total);
    }
}
