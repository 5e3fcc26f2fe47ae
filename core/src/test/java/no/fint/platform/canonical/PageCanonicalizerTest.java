package no.fint.platform.canonical;

import com.fasterxml.jackson.databind.ObjectMapper;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ResourceType;
import no.fint.platform.sync.SyncType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageCanonicalizerTest {

    private static final InformationModel MODEL = InformationModel.load("4.0.30");
    private static final PageCanonicalizer P = new PageCanonicalizer(new Canonicalizer(MODEL));
    private static final ResourceType ELEV = MODEL.resourceByPath("/utdanning/elev/elev").orElseThrow();
    private static final ObjectMapper M = new ObjectMapper();

    static PageCanonicalizer.Entry elev(String identifier, String systemId) throws Exception {
        return new PageCanonicalizer.Entry(identifier, M.readTree("{\"systemId\":{\"identifikatorverdi\":\"" + systemId + "\"}}"));
    }

    @Test
    void acceptedPageGivesKeysAndCanonicalValues() throws Exception {
        PageCanonicalizer.PageResult r = P.canonicalize(ELEV, SyncType.FULL,
                List.of(elev("1", "1"), elev("${utdanning.elev.elev}/systemid/2", "2")));
        assertFalse(r.refused());
        assertEquals(List.of("1", "2"), r.entries().stream().map(PageCanonicalizer.CanonicalEntry::identifier).toList());
        assertEquals("{\"systemId\":{\"identifikatorverdi\":\"2\"}}", new String(r.entries().get(1).json(), StandardCharsets.UTF_8));
    }

    @Test
    void everyBadEntryIsListedAndNothingIsAccepted() throws Exception {
        List<PageCanonicalizer.Entry> entries = new ArrayList<>();
        entries.add(elev("1", "1"));
        entries.add(elev("1", "1"));                       // duplicate
        entries.add(elev(null, "3"));                      // missing identifier
        entries.add(elev("x", "4"));                       // matches no identifier value
        entries.add(new PageCanonicalizer.Entry("5", M.readTree("{\"systemId\":{}}"))); // invalid resource
        entries.add(new PageCanonicalizer.Entry("6", null)); // no resource
        PageCanonicalizer.PageResult r = P.canonicalize(ELEV, SyncType.FULL, entries);
        assertTrue(r.refused());
        assertTrue(r.entries().isEmpty());
        List<String> got = r.violations().stream().map(v -> v.index() + ":" + v.field()).toList();
        assertEquals(List.of("1:identifier", "2:identifier", "3:identifier", "4:identifier", "4:systemId.identifikatorverdi",
                "5:resource"), got, r.violations().toString());
        assertTrue(r.violations().get(0).reason().startsWith("duplicate identifier '1'"));
    }

    @Test
    void deletePagesNeedOnlyIdentifiers() {
        PageCanonicalizer.PageResult r = P.canonicalize(ELEV, SyncType.DELETE, List.of(
                new PageCanonicalizer.Entry("https://x/utdanning/elev/elev/systemid/7", null),
                new PageCanonicalizer.Entry("8", null)));
        assertFalse(r.refused());
        assertEquals("7", r.entries().get(0).identifier());
        assertNull(r.entries().get(0).json());
        assertTrue(P.canonicalize(ELEV, SyncType.DELETE, List.of(new PageCanonicalizer.Entry("", null))).refused());
    }

    @Test
    void theHashTellsContentApartButNotKeyOrderOrNulls() throws Exception {
        long a = P.canonicalize(ELEV, SyncType.FULL, List.of(elev("1", "1"))).hash();
        long b = P.canonicalize(ELEV, SyncType.FULL, List.of(new PageCanonicalizer.Entry("1",
                M.readTree("{\"gjest\":null,\"systemId\":{\"identifikatorverdi\":\"1\"}}")))).hash();
        long c = P.canonicalize(ELEV, SyncType.FULL, List.of(new PageCanonicalizer.Entry("1",
                M.readTree("{\"gjest\":true,\"systemId\":{\"identifikatorverdi\":\"1\"}}")))).hash();
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void anEncodedSelfLinkNamesTheSameKeyOnUpsertAndDeletePages() throws Exception {
        String link = "https://x/utdanning/elev/elev/systemid/qa%20c";
        assertEquals("qa c", P.canonicalize(ELEV, SyncType.DELTA, List.of(elev(link, "qa c"))).entries().get(0).identifier());
        assertEquals("qa c", P.canonicalize(ELEV, SyncType.DELETE, List.of(new PageCanonicalizer.Entry(link, null))).entries().get(0).identifier());
    }

    @Test
    void identifiersAndIdentifierValuesWithAnUnpairedSurrogateAreRefused() throws Exception {
        // UTF-8 cannot carry an unpaired surrogate: as a record key "qa" + U+D800 would become "qa?", another resource
        PageCanonicalizer.PageResult r = P.canonicalize(ELEV, SyncType.DELETE, List.of(new PageCanonicalizer.Entry("qa\ud800", null)));
        assertEquals(List.of("0:identifier"), r.violations().stream().map(v -> v.index() + ":" + v.field()).toList());
        assertTrue(r.violations().get(0).reason().contains("unpaired UTF-16 surrogate"), r.violations().get(0).reason());
        r = P.canonicalize(ELEV, SyncType.DELTA, List.of(elev("qa\ud800", "qa\ud800")));
        assertEquals(List.of("0:identifier", "0:systemId.identifikatorverdi"),
                r.violations().stream().map(v -> v.index() + ":" + v.field()).toList());
        // the same from the bytes, through the streaming fast path
        byte[] json = "{\"systemId\":{\"identifikatorverdi\":\"1\"},\"elevnummer\":{\"identifikatorverdi\":\"e\\udc00\"}}"
                .getBytes(StandardCharsets.UTF_8);
        r = P.canonicalize(ELEV, SyncType.FULL, List.of(new PageCanonicalizer.Entry("1", null, new RawJson(json, 0, json.length))));
        assertEquals(List.of("0:elevnummer.identifikatorverdi"), r.violations().stream().map(v -> v.index() + ":" + v.field()).toList());
        // a surrogate pair is a character like any other
        assertFalse(P.canonicalize(ELEV, SyncType.FULL, List.of(elev("qa\uD83D\uDE00", "qa\uD83D\uDE00"))).refused());
        assertFalse(P.canonicalize(ELEV, SyncType.DELETE, List.of(new PageCanonicalizer.Entry("qa\uD83D\uDE00", null))).refused());
    }
}
