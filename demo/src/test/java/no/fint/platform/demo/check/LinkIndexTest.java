package no.fint.platform.demo.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import no.fint.platform.demo.DataSet;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ResourceType;
import no.fint.platform.relations.RelationRules;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinkIndexTest {

    private static final InformationModel MODEL = InformationModel.load();
    private static final RelationRules RULES = RelationRules.of(MODEL);
    private static final String B = "https://api.felleskomponent.no";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LinkIndex index = new LinkIndex();

    private void add(String path, String json) throws Exception {
        ResourceType type = MODEL.resourceByPath(path).orElseThrow();
        index.add(type, JSON.readTree(json));
    }

    private static String elev(String nr, String... elevforhold) {
        StringBuilder links = new StringBuilder();
        for (String ef : elevforhold) {
            links.append(links.isEmpty() ? "" : ",").append("{\"href\":\"" + B + "/utdanning/elev/elevforhold/systemid/" + ef + "\"}");
        }
        return "{\"elevnummer\":{\"identifikatorverdi\":\"" + nr + "\"},\"_links\":{"
                + (elevforhold.length > 0 ? "\"elevforhold\":[" + links + "]," : "")
                + "\"self\":[{\"href\":\"" + B + "/utdanning/elev/elev/elevnummer/" + nr + "\"}]}}";
    }

    private static String elevforhold(String id, String elevnummer) {
        return "{\"systemId\":{\"identifikatorverdi\":\"" + id + "\"},\"_links\":{"
                + "\"elev\":[{\"href\":\"" + B + "/utdanning/elev/elev/elevnummer/" + elevnummer + "\"}],"
                + "\"self\":[{\"href\":\"" + B + "/utdanning/elev/elevforhold/systemid/" + id + "\"}]}}";
    }

    @Test
    void resolvesPathsCaseInsensitivelyAndValuesExactly() throws Exception {
        add("/utdanning/elev/elev", elev("A1"));
        assertSame(index.resources().get(0), index.resolve(B + "/UTDANNING/elev/Elev/ELEVNUMMER/A1"));
        assertNull(index.resolve(B + "/utdanning/elev/elev/elevnummer/a1"));
    }

    @Test
    void agreeingRelationsGiveNoMismatch() throws Exception {
        add("/utdanning/elev/elev", elev("1", "ef1", "ef2"));
        add("/utdanning/elev/elevforhold", elevforhold("ef1", "1"));
        add("/utdanning/elev/elevforhold", elevforhold("ef2", "1"));
        assertEquals(List.of(), index.inverseMismatches(RULES));
        assertEquals(List.of(), index.withoutRelation("/utdanning/elev/elev", "elevforhold"));
    }

    @Test
    void aMissingAndAStaleInverseAreBothFound() throws Exception {
        // ef1 points to elev 1, which does not link back; elev 2 links to ef2, which points elsewhere.
        add("/utdanning/elev/elev", elev("1"));
        add("/utdanning/elev/elev", elev("2", "ef2"));
        add("/utdanning/elev/elev", elev("3", "ef2"));
        add("/utdanning/elev/elevforhold", elevforhold("ef1", "1"));
        add("/utdanning/elev/elevforhold", elevforhold("ef2", "3"));
        List<LinkIndex.Mismatch> m = index.inverseMismatches(RULES);
        assertEquals(2, m.size(), m.toString());
        LinkIndex.Mismatch missing = m.stream().filter(x -> x.reason().startsWith("inverse missing")).findFirst().orElseThrow();
        assertEquals(B + "/utdanning/elev/elevforhold/systemid/ef1", missing.resource());
        LinkIndex.Mismatch stale = m.stream().filter(x -> x.reason().startsWith("inverse stale")).findFirst().orElseThrow();
        assertEquals(B + "/utdanning/elev/elev/elevnummer/2", stale.resource());
        assertEquals(List.of(B + "/utdanning/elev/elev/elevnummer/1"), index.withoutRelation("/utdanning/elev/elev", "elevforhold"));
    }

    @Test
    void aResourceThatIsItsOwnOverordnetIsNotItsOwnUnderordnet() throws Exception {
        String self = B + "/administrasjon/organisasjon/organisasjonselement/organisasjonsid/1";
        add("/administrasjon/organisasjon/organisasjonselement", "{\"organisasjonsId\":{\"identifikatorverdi\":\"1\"},\"_links\":{"
                + "\"overordnet\":[{\"href\":\"" + self + "\"}],\"self\":[{\"href\":\"" + self + "\"}]}}");
        assertEquals(List.of(), index.inverseMismatches(RULES));
    }

    @Test
    void linksToUnservedResourcesAreLeftToTheWalk() throws Exception {
        add("/utdanning/elev/elevforhold", elevforhold("ef1", "404"));
        assertEquals(List.of(), index.inverseMismatches(RULES));
        assertTrue(index.hrefs(Set.of("/utdanning/elev")).containsKey(B + "/utdanning/elev/elev/elevnummer/404"));
        assertTrue(index.hrefs(Set.of("/administrasjon/personal")).isEmpty());
    }

    @Test
    void nestedLinksAreFollowedToo() throws Exception {
        add("/utdanning/elev/person", "{\"fodselsnummer\":{\"identifikatorverdi\":\"1\"},"
                + "\"bostedsadresse\":{\"adresselinje\":[\"x\"],\"_links\":{\"land\":[{\"href\":\"" + B + "/felles/kodeverk/iso/landkode/systemid/NO\"}]}},"
                + "\"_links\":{\"self\":[{\"href\":\"" + B + "/utdanning/elev/person/fodselsnummer/1\"}]}}");
        assertTrue(index.hrefs(Set.of("/utdanning/elev")).containsKey(B + "/felles/kodeverk/iso/landkode/systemid/NO"));
    }

    @Test
    void theDataSetsDeliberateDanglingLinksAsServed() {
        Set<String> expected = LinkReport.expectedDangling(DataSet.of(DataSet.Size.SMALL, 1), MODEL, B);
        assertEquals(4, expected.size(), expected.toString());
        assertTrue(expected.contains(B + "/utdanning/utdanningsprogram/skole/skolenummer/99999"), expected.toString());
        assertTrue(expected.contains(B + "/utdanning/elev/klasse/systemid/49999999"), expected.toString());
    }
}
