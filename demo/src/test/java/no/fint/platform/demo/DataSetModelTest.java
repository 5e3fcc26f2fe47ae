package no.fint.platform.demo;

import com.fasterxml.jackson.databind.JsonNode;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ModelClass;
import no.fint.platform.model.Relation;
import no.fint.platform.model.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data is what a strict provider accepts and what the relations service expects: valid against the
 * model, links only in the owning direction, and every link target present apart from the documented
 * dangling ones.
 */
class DataSetModelTest {

    private static final InformationModel MODEL = InformationModel.load();
    private final ModelCheck check = new ModelCheck(MODEL);

    @Test
    void everySmallResourceIsValidAgainstTheModel() {
        assertValid(DataSet.of(DataSet.Size.SMALL, 1));
    }

    @Test
    void everyMediumResourceIsValidAgainstTheModel() {
        assertValid(DataSet.of(DataSet.Size.MEDIUM, 1));
    }

    @Test
    void changedVersionsAreValidToo() {
        DataSet d = DataSet.of(DataSet.Size.MEDIUM, 2);
        List<String> problems = new ArrayList<>();
        for (ResourceType t : d.types()) {
            for (int i = 0; i < d.count(t); i += 53) {
                for (int v = 1; v <= 3; v++) {
                    check.problems(t, d.changed(t, i, v)).forEach(p -> problems.add(t.path() + ": " + p));
                }
            }
        }
        assertTrue(problems.isEmpty(), problems.stream().limit(20).toList().toString());
    }

    private void assertValid(DataSet d) {
        List<String> problems = new ArrayList<>();
        Set<String> identifiers = new HashSet<>();
        for (ResourceType t : d.types()) {
            for (Iterator<DataSet.Entry> it = d.entries(t); it.hasNext(); ) {
                DataSet.Entry e = it.next();
                check.problems(t, e).forEach(p -> problems.add(t.path() + "/" + e.identifier() + ": " + p));
                if (!identifiers.add(t.path() + " " + e.identifier())) {
                    problems.add(t.path() + ": identifier " + e.identifier() + " twice");
                }
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems, first: " + problems.stream().limit(20).toList());
    }

    @Test
    void theEntryIdentifierIsTheSystemIdOrTheOnlyIdentifier() {
        DataSet d = DataSet.of(DataSet.Size.SMALL, 1);
        for (ResourceType t : d.types()) {
            DataSet.Entry e = d.entry(t, 0);
            JsonNode r = ModelCheck.parse(e.json());
            String field = t.modelClass().identifiers().contains("systemId") ? "systemId"
                    : t.path().endsWith("/person") ? "fodselsnummer" : "organisasjonsId";
            assertEquals(r.path(field).path("identifikatorverdi").asText(), e.identifier(), t.path());
        }
    }

    @Test
    void identifierFieldsAreFilled() {
        DataSet d = DataSet.of(DataSet.Size.SMALL, 1);
        assertFilled(d, "/utdanning/elev/elev", "systemId", "elevnummer", "brukernavn", "feidenavn");
        assertFilled(d, "/utdanning/utdanningsprogram/skole", "systemId", "skolenummer", "organisasjonsnummer");
        assertFilled(d, "/utdanning/elev/person", "fodselsnummer");
        assertFilled(d, "/administrasjon/personal/personalressurs", "systemId", "ansattnummer", "brukernavn");
        assertFilled(d, "/administrasjon/organisasjon/organisasjonselement", "organisasjonsId", "organisasjonsKode");
        assertFilled(d, "/utdanning/elev/skoleressurs", "systemId", "feidenavn");
    }

    private static void assertFilled(DataSet d, String path, String... fields) {
        ResourceType t = d.type(path);
        for (Iterator<DataSet.Entry> it = d.entries(t); it.hasNext(); ) {
            JsonNode r = ModelCheck.parse(it.next().json());
            for (String f : fields) {
                assertTrue(!r.path(f).path("identifikatorverdi").asText("").isEmpty(), path + " without " + f + ": " + r);
            }
        }
    }

    @Test
    void smallSetLinksResolveExceptTheDocumentedDanglingOnes() {
        assertReferentialIntegrity(DataSet.of(DataSet.Size.SMALL, 1));
    }

    @Test
    void mediumSetLinksResolveExceptTheDocumentedDanglingOnes() {
        assertReferentialIntegrity(DataSet.of(DataSet.Size.MEDIUM, 9));
    }

    private void assertReferentialIntegrity(DataSet d) {
        Set<String> targets = new HashSet<>();
        for (ResourceType t : d.types()) {
            for (Iterator<DataSet.Entry> it = d.entries(t); it.hasNext(); ) {
                targets.addAll(ModelCheck.identities(t, ModelCheck.parse(it.next().json())));
            }
        }
        Set<String> dangling = new TreeSet<>();
        List<String> selfProblems = new ArrayList<>();
        for (ResourceType t : d.types()) {
            for (Iterator<DataSet.Entry> it = d.entries(t); it.hasNext(); ) {
                DataSet.Entry e = it.next();
                JsonNode r = ModelCheck.parse(e.json());
                List<String> own = ModelCheck.identities(t, r);
                check.forEachLink(t, r, (link, top) -> {
                    String path = check.resolve(t, link.href());
                    if (link.relation().equals("self")) {
                        if (!own.contains(path)) {
                            selfProblems.add(t.path() + "/" + e.identifier() + ": self " + path + " is not one of " + own);
                        }
                    } else if (!targets.contains(path)) {
                        dangling.add(t.path() + " " + e.identifier() + " " + link.relation() + " " + link.href());
                    }
                });
                int selfLinks = r.path("_links").path("self").size();
                if (selfLinks != own.size()) {
                    selfProblems.add(t.path() + "/" + e.identifier() + ": " + selfLinks + " self links for " + own.size() + " identifiers");
                }
            }
        }
        Set<String> documented = new TreeSet<>();
        for (DataSet.DanglingLink l : d.danglingLinks()) {
            documented.add(l.source().path() + " " + l.identifier() + " " + l.relation() + " " + l.href());
        }
        assertEquals(4, documented.size());
        assertEquals(documented, dangling, "links to nothing must be exactly the documented ones");
        assertTrue(selfProblems.isEmpty(), selfProblems.stream().limit(10).toList().toString());
    }

    @Test
    void onlyTheOwningSideOfAnInverseRelationIsEverSent() {
        DataSet d = DataSet.of(DataSet.Size.MEDIUM, 4);
        Set<String> sent = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (ResourceType t : d.types()) {
            for (Iterator<DataSet.Entry> it = d.entries(t); it.hasNext(); ) {
                check.forEachLink(t, ModelCheck.parse(it.next().json()), (link, top) -> {
                    if (link.relation().equals("self")) {
                        return;
                    }
                    Relation r = link.owner().relation(link.relation()).orElseThrow();
                    sent.add(link.owner().qualifiedName() + "." + r.name());
                    if (Boolean.FALSE.equals(r.isSource())) {
                        problems.add(link.owner().qualifiedName() + "." + r.name() + " is the inverse side of "
                                + r.target() + "." + r.inverseName());
                    }
                });
            }
        }
        assertTrue(problems.isEmpty(), new TreeSet<>(problems).toString());
        // Where both sides are marked isSource (self-relations such as overordnet/underordnet), one side only.
        for (String s : sent) {
            String cls = s.substring(0, s.lastIndexOf('.'));
            ModelClass mc = MODEL.modelClass(cls).orElseThrow();
            Relation r = mc.relation(s.substring(s.lastIndexOf('.') + 1)).orElseThrow();
            if (r.inverseName() != null) {
                assertTrue(!sent.contains(r.target() + "." + r.inverseName()), "both " + s + " and its inverse " + r.inverseName() + " are sent");
            }
        }
        // The owning links the relations service needs are there.
        for (String owning : List.of("utdanning.elev.Elevforhold.elev", "utdanning.elev.Elevforhold.skole",
                "utdanning.elev.Elev.person", "utdanning.elev.Klassemedlemskap.elevforhold", "utdanning.elev.Klassemedlemskap.klasse",
                "administrasjon.personal.Personalressurs.arbeidsforhold", "administrasjon.personal.Arbeidsforhold.arbeidssted",
                "administrasjon.organisasjon.Organisasjonselement.overordnet", "utdanning.elev.Skoleressurs.undervisningsforhold",
                "utdanning.elev.Undervisningsforhold.arbeidsforhold", "felles.Person.personalressurs",
                "utdanning.utdanningsprogram.Skole.organisasjon", "felles.kompleksedatatyper.Adresse.land")) {
            assertTrue(sent.contains(owning), owning + " never sent; sent: " + sent);
        }
    }

    @Test
    void someLinksNameTheirTargetByAnotherIdentifierThanSystemId() {
        DataSet d = DataSet.of(DataSet.Size.SMALL, 1);
        ResourceType ef = d.type("/utdanning/elev/elevforhold");
        int byElevnummer = 0;
        int bySkolenummer = 0;
        for (Iterator<DataSet.Entry> it = d.entries(ef); it.hasNext(); ) {
            String json = it.next().text();
            byElevnummer += json.contains("${utdanning.elev.elev}/elevnummer/") ? 1 : 0;
            bySkolenummer += json.contains("${utdanning.utdanningsprogram.skole}/skolenummer/") ? 1 : 0;
        }
        assertTrue(byElevnummer > 0 && byElevnummer < d.count(ef) / 4, byElevnummer + " by elevnummer");
        assertTrue(bySkolenummer > 0 && bySkolenummer < d.count(ef) / 2, bySkolenummer + " by skolenummer");
    }

    @Test
    void explicitNullsAndEveryDateFormAppear() {
        DataSet d = DataSet.of(DataSet.Size.SMALL, 1);
        ResourceType person = d.type("/utdanning/elev/person");
        int nulls = 0;
        int epochMs = 0;
        int offset = 0;
        for (Iterator<DataSet.Entry> it = d.entries(person); it.hasNext(); ) {
            JsonNode r = ModelCheck.parse(it.next().json());
            nulls += r.has("bilde") && r.get("bilde").isNull() ? 1 : 0;
            epochMs += r.get("fodselsdato").isIntegralNumber() ? 1 : 0;
            offset += r.get("fodselsdato").asText().endsWith("+01:00") || r.get("fodselsdato").asText().endsWith("+02:00") ? 1 : 0;
        }
        int n = d.count(person);
        assertTrue(nulls > 0 && nulls < n / 2, nulls + " explicit nulls");
        assertTrue(epochMs > 0 && epochMs < n / 4, epochMs + " epoch-ms dates");
        assertTrue(offset > 0 && offset < n / 4, offset + " dates with an offset");
    }
}
