package no.fint.platform.relations;

import no.fint.platform.model.Component;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ResourceType;
import no.fint.platform.records.RecordKeys;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EdgeDerivationTest {

    private static final InformationModel MODEL = InformationModel.load();
    private static final EdgeDerivation DERIVE = new EdgeDerivation(MODEL, RelationRules.of(MODEL));
    private static final Component ELEV = Component.parse("utdanning/elev");
    private static final Component PROGRAM = Component.parse("utdanning/utdanningsprogram");
    private static final Component PERSONAL = Component.parse("administrasjon/personal");
    private static final Component ORGANISASJON = Component.parse("administrasjon/organisasjon");

    private static ResourceType type(Component c, String name) {
        return MODEL.resource(c, name).orElseThrow();
    }

    private static SourceEdges derive(Component c, String resource, String id, String json) throws UnreadableResourceException {
        return DERIVE.derive(type(c, resource), RecordKeys.entity(resource, id), id, json.getBytes(StandardCharsets.UTF_8));
    }

    private static String elevforhold(String id, String links) {
        return "{\"systemId\":{\"identifikatorverdi\":\"" + id + "\"},\"_links\":{" + links + "}}";
    }

    /** Edges as "target path|inverse|target component" for compact assertions. */
    private static Set<String> shape(SourceEdges s) {
        return s.edges().stream().map(e -> e.targetPath() + "|" + e.inverse() + "|" + e.targetComponent())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void elevforholdFeedsItsElevAndItsSkoleInAnotherComponent() throws Exception {
        SourceEdges s = derive(ELEV, "elevforhold", "ef1", elevforhold("ef1",
                "\"elev\":[{\"href\":\"/utdanning/elev/elev/systemid/e1\"}],"
                        + "\"skole\":[{\"href\":\"/utdanning/utdanningsprogram/skole/skolenummer/974\"}]"));
        assertEquals("/utdanning/elev/elevforhold/systemid/ef1", s.href());
        assertEquals(Set.of("/utdanning/elev/elev/systemid/e1|elevforhold|utdanning/elev",
                "/utdanning/utdanningsprogram/skole/skolenummer/974|elevforhold|utdanning/utdanningsprogram"), shape(s));
        for (Edge e : s.edges()) {
            assertEquals(ELEV, e.sourceComponent());
            assertEquals("elevforhold\u001Fef1", e.sourceKey());
        }
        assertTrue(s.ignored().isEmpty());
        assertEquals(s.href(), s.asMap().values().iterator().next());
    }

    @Test
    void theTargetKeepsTheIdentifierTheLinkUsedWithItsFieldLowerCased() throws Exception {
        SourceEdges s = derive(ELEV, "elevforhold", "ef1", elevforhold("ef1",
                "\"elev\":[{\"href\":\"/utdanning/elev/elev/ElevNummer/500001\"},{\"href\":\"/Utdanning/Elev/Elev/feidenavn/Ola@Skole.no\"}]"));
        assertEquals(Set.of("/utdanning/elev/elev/elevnummer/500001|elevforhold|utdanning/elev",
                "/utdanning/elev/elev/feidenavn/Ola@Skole.no|elevforhold|utdanning/elev"), shape(s));
    }

    @Test
    void placeholdersRelativeLinksAndAbsoluteUrlsResolveToTheSamePath() throws Exception {
        for (String href : List.of("${utdanning.elev.elev}/systemid/e1", "${no.novari.fint.model.utdanning.elev.ElevResource}/systemid/e1",
                "systemid/e1", "https://api.felleskomponent.no/utdanning/elev/elev/systemid/e1",
                "http://beta.felleskomponent.no/utdanning/elev/elev/systemid/e1/", "https://host.no/api/v1/utdanning/elev/elev/systemid/e1",
                "//utdanning//elev/elev/systemid/e1")) {
            SourceEdges s = derive(ELEV, "elevforhold", "ef1", elevforhold("ef1", "\"elev\":[{\"href\":\"" + href + "\"}]"));
            assertEquals(Set.of("/utdanning/elev/elev/systemid/e1|elevforhold|utdanning/elev"), shape(s), href);
        }
    }

    @Test
    void theSameTargetTwiceIsOneEdge() throws Exception {
        SourceEdges s = derive(ELEV, "elevforhold", "ef1", elevforhold("ef1",
                "\"elev\":[{\"href\":\"/utdanning/elev/elev/systemid/e1\"},{\"href\":\"${utdanning.elev.elev}/SystemId/e1\"}]"));
        assertEquals(1, s.edges().size());
    }

    @Test
    void linksThatNameNoValidTargetAreIgnoredWithTheirReason() throws Exception {
        SourceEdges s = derive(ELEV, "elevforhold", "ef1", elevforhold("ef1",
                "\"elev\":[{\"href\":\"/utdanning/utdanningsprogram/skole/systemid/s1\"},"
                        + "{\"href\":\"/utdanning/elev/elev/fodselsnummer/1\"},{\"href\":\"/utdanning/elev/elev\"},"
                        + "{\"href\":\"${utdanning.elev.nothing}/systemid/1\"},{\"href\":\"/nothing/here/at/all/1\"},"
                        + "{\"href\":\"https://bad host/x\"},{\"href\":\"${utdanning.elev.elev/systemid/1\"},{\"href\":\"  \"}]"));
        assertTrue(s.edges().isEmpty());
        assertEquals(List.of("names a Skole, the relation needs utdanning.elev.Elev",
                        "'fodselsnummer' is not an identifier of Elev", "not a resource path", "unknown placeholder type",
                        "no resource at this path", "not a URL", "unclosed placeholder"),
                s.ignored().stream().map(SourceEdges.IgnoredLink::reason).toList());
        assertEquals("elev", s.ignored().get(0).relation());
    }

    @Test
    void relationsThatAreNotMaintainedAndSelfLinksAreSkipped() throws Exception {
        // Elev.elevforhold is the non-source side: an adapter may send it, it feeds nothing.
        SourceEdges s = derive(ELEV, "elev", "e1", "{\"systemId\":{\"identifikatorverdi\":\"e1\"},\"_links\":{"
                + "\"elevforhold\":[{\"href\":\"/utdanning/elev/elevforhold/systemid/ef1\"}],"
                + "\"self\":[{\"href\":\"/utdanning/elev/elev/systemid/e1\"}],\"unknown\":[{\"href\":\"x\"}]}}");
        assertSame(SourceEdges.NONE, s);
    }

    @Test
    void aResourceThatNamesItselfIsNotItsOwnInverse() throws Exception {
        String root = "{\"organisasjonsId\":{\"identifikatorverdi\":\"root\"},\"organisasjonsKode\":{\"identifikatorverdi\":\"R\"},"
                + "\"_links\":{\"overordnet\":[{\"href\":\"/administrasjon/organisasjon/organisasjonselement/organisasjonskode/R\"}],"
                + "\"underordnet\":[{\"href\":\"/administrasjon/organisasjon/organisasjonselement/organisasjonsid/child\"}]}}";
        SourceEdges s = derive(ORGANISASJON, "organisasjonselement", "root", root);
        assertEquals("/administrasjon/organisasjon/organisasjonselement/organisasjonsid/root", s.href());
        assertEquals(Set.of("/administrasjon/organisasjon/organisasjonselement/organisasjonsid/child|overordnet|administrasjon/organisasjon"), shape(s));
        assertEquals("links to itself", s.ignored().get(0).reason());
    }

    @Test
    void fellesTargetsAreServedUnderTheComponentTheLinkNames() throws Exception {
        SourceEdges elev = derive(ELEV, "elev", "e1", "{\"systemId\":{\"identifikatorverdi\":\"e1\"},"
                + "\"_links\":{\"person\":[{\"href\":\"${felles.person}/fodselsnummer/01010112345\"}]}}");
        assertEquals(Set.of("/utdanning/elev/person/fodselsnummer/01010112345|elev|utdanning/elev"), shape(elev));
        // A person served under administrasjon/personal feeds its personalressurs, in that component.
        SourceEdges person = derive(PERSONAL, "person", "01010112345", "{\"fodselsnummer\":{\"identifikatorverdi\":\"01010112345\"},"
                + "\"_links\":{\"personalressurs\":[{\"href\":\"/administrasjon/personal/personalressurs/ansattnummer/77\"}]}}");
        assertEquals("/administrasjon/personal/person/fodselsnummer/01010112345", person.href());
        assertEquals(Set.of("/administrasjon/personal/personalressurs/ansattnummer/77|person|administrasjon/personal"), shape(person));
        // No component serves a person under utdanning/vurdering.
        SourceEdges wrong = derive(ELEV, "elev", "e1", "{\"systemId\":{\"identifikatorverdi\":\"e1\"},"
                + "\"_links\":{\"person\":[{\"href\":\"/utdanning/vurdering/person/fodselsnummer/1\"}]}}");
        assertEquals("no resource at this path", wrong.ignored().get(0).reason());
    }

    @Test
    void crossDomainTargetsGoToTheirOwnComponent() throws Exception {
        SourceEdges s = derive(ELEV, "undervisningsforhold", "u1", "{\"systemId\":{\"identifikatorverdi\":\"u1\"},"
                + "\"_links\":{\"arbeidsforhold\":{\"href\":\"/administrasjon/personal/arbeidsforhold/systemid/a1\"},"
                + "\"skole\":[{\"href\":\"/utdanning/utdanningsprogram/skole/systemid/s1\"}]}}");
        assertEquals(Set.of("/administrasjon/personal/arbeidsforhold/systemid/a1|undervisningsforhold|administrasjon/personal",
                "/utdanning/utdanningsprogram/skole/systemid/s1|undervisningsforhold|utdanning/utdanningsprogram"), shape(s));
    }

    @Test
    void theSelfPathUsesTheIdentifierTheRecordIsKeyedBy() throws Exception {
        String links = ",\"_links\":{\"person\":[{\"href\":\"/utdanning/elev/person/fodselsnummer/1\"}]}}";
        String ids = "{\"brukernavn\":{\"identifikatorverdi\":\"ola\"},\"elevnummer\":{\"identifikatorverdi\":\"500\"},"
                + "\"systemId\":{\"identifikatorverdi\":\"s-1\"}";
        assertEquals("/utdanning/elev/elev/elevnummer/500", derive(ELEV, "elev", "500", ids + links).href());
        assertEquals("/utdanning/elev/elev/systemid/s-1", derive(ELEV, "elev", "s-1", ids + links).href());
        // Keyed by something else: systemId, else the first identifier with a value in self-link order.
        assertEquals("/utdanning/elev/elev/systemid/s-1", derive(ELEV, "elev", "other", ids + links).href());
        assertEquals("/utdanning/elev/elev/brukernavn/ola",
                derive(ELEV, "elev", "other", "{\"brukernavn\":{\"identifikatorverdi\":\"ola\"}" + links).href());
        SourceEdges none = derive(ELEV, "elev", "other", "{\"systemId\":{\"identifikatorverdi\":\"\"}" + links);
        assertNull(none.href());
        assertTrue(none.edges().isEmpty());
        assertEquals("the source has no identifier value", none.ignored().get(0).reason());
    }

    @Test
    void deletesAndTypesWithoutRulesHaveNoEdges() throws Exception {
        assertSame(SourceEdges.NONE, DERIVE.derive(type(ELEV, "elevforhold"), "elevforhold\u001Fef1", "ef1", null));
        ResourceType kjonn = MODEL.resource(Component.parse("felles/kodeverk/iso"), "kjonn").orElseThrow();
        assertTrue(!DERIVE.feedsEdges(kjonn) && DERIVE.feedsEdges(type(ELEV, "elevforhold")));
        assertSame(SourceEdges.NONE, DERIVE.derive(kjonn, "kjonn\u001F1", "1", "{\"kode\":\"1\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void unreadableValuesArePoison() {
        for (String bad : List.of("{\"systemId\":", "[1,2]", "\"text\"", "{} {}", "{\"_links\":{\"elev\":[{\"href\":]}}", "", "nul")) {
            assertThrows(UnreadableResourceException.class, () -> derive(ELEV, "elevforhold", "ef1", bad), bad);
        }
    }

    @Test
    void oddButReadableShapesAreTolerated() throws Exception {
        SourceEdges s = derive(ELEV, "elevforhold", "ef1", "{\"systemId\":{\"identifikatorverdi\":\"ef1\",\"gyldighetsperiode\":null},"
                + "\"beskrivelse\":[1,{\"a\":[]}],\"_links\":{\"elev\":[\"text\",null,{\"href\":1},{\"x\":1,\"href\":\"/utdanning/elev/elev/systemid/e1\"}],"
                + "\"skole\":null}}");
        assertEquals(Set.of("/utdanning/elev/elev/systemid/e1|elevforhold|utdanning/elev"), shape(s));
    }
}
