package no.fint.platform.demo;

import no.fint.platform.model.ResourceType;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shape of the data set: determinism, sizes, coverage, random access, changed versions, laziness. */
class DataSetTest {

    @Test
    void theSameSizeAndSeedGiveTheSameBytes() {
        DataSet a = DataSet.of(DataSet.Size.SMALL, 7);
        DataSet b = DataSet.of(DataSet.Size.SMALL, 7);
        assertEquals(a.types(), b.types());
        for (ResourceType t : a.types()) {
            assertEquals(a.count(t), b.count(t), t.path());
            Iterator<DataSet.Entry> ia = a.entries(t);
            Iterator<DataSet.Entry> ib = b.entries(t);
            while (ia.hasNext()) {
                DataSet.Entry ea = ia.next();
                DataSet.Entry eb = ib.next();
                assertEquals(ea.identifier(), eb.identifier());
                assertArrayEquals(ea.json(), eb.json(), t.path() + " " + ea.identifier());
            }
            assertFalse(ib.hasNext());
        }
    }

    @Test
    void theMediumSetIsDeterministicToo() {
        DataSet a = DataSet.of(DataSet.Size.MEDIUM, 3);
        DataSet b = DataSet.of(DataSet.Size.MEDIUM, 3);
        for (ResourceType t : a.types()) {
            for (int i = 0; i < a.count(t); i += 97) {
                assertArrayEquals(a.entry(t, i).json(), b.entry(t, i).json(), t.path() + " #" + i);
            }
        }
    }

    @Test
    void anotherSeedGivesOtherData() {
        DataSet a = DataSet.of(DataSet.Size.SMALL, 1);
        DataSet b = DataSet.of(DataSet.Size.SMALL, 2);
        ResourceType person = a.type("/utdanning/elev/person");
        int differing = 0;
        for (int i = 0; i < Math.min(a.count(person), b.count(person)); i++) {
            if (!Arrays.equals(a.entry(person, i).json(), b.entry(person, i).json())) {
                differing++;
            }
        }
        assertTrue(differing > a.count(person) * 9 / 10, differing + " of " + a.count(person) + " persons differ");
    }

    @Test
    void sizesAreWithinTenPercentForAnySeed() {
        for (long seed : new long[] {0, 1, 42, 2025, -7}) {
            assertAbout(1_000, DataSet.of(DataSet.Size.SMALL, seed).totalSize(), "SMALL seed " + seed);
            assertAbout(100_000, DataSet.of(DataSet.Size.MEDIUM, seed).totalSize(), "MEDIUM seed " + seed);
        }
        assertAbout(1_000_000, DataSet.of(DataSet.Size.LARGE, 42).totalSize(), "LARGE");
    }

    private static void assertAbout(int expected, int actual, String what) {
        assertTrue(Math.abs(actual - expected) <= expected / 10, what + ": " + actual + " resources, expected " + expected + " ± 10 %");
    }

    @Test
    void countsAreWhatTheIteratorsDeliverAndTheTotalIsTheirSum() {
        DataSet d = DataSet.of(DataSet.Size.MEDIUM, 5);
        int total = 0;
        for (ResourceType t : d.types()) {
            int n = 0;
            for (Iterator<DataSet.Entry> it = d.entries(t); it.hasNext(); it.next()) {
                n++;
            }
            assertEquals(d.count(t), n, t.path());
            assertTrue(n > 0, t.path());
            total += n;
        }
        assertEquals(d.totalSize(), total);
    }

    @Test
    void coversTheResourcesTheIssueAsksFor() {
        Set<String> paths = DataSet.of(DataSet.Size.SMALL, 1).types().stream().map(ResourceType::path).collect(Collectors.toSet());
        for (String p : List.of("/utdanning/elev/elev", "/utdanning/elev/elevforhold", "/utdanning/elev/person",
                "/utdanning/elev/skoleressurs", "/utdanning/elev/undervisningsforhold", "/utdanning/elev/klasse",
                "/utdanning/elev/klassemedlemskap", "/utdanning/elev/kontaktlarergruppe",
                "/utdanning/utdanningsprogram/skole", "/utdanning/utdanningsprogram/utdanningsprogram",
                "/utdanning/utdanningsprogram/programomrade", "/utdanning/utdanningsprogram/arstrinn",
                "/administrasjon/personal/personalressurs", "/administrasjon/personal/arbeidsforhold",
                "/administrasjon/personal/person", "/administrasjon/organisasjon/organisasjonselement",
                "/felles/kodeverk/iso/kjonn", "/felles/kodeverk/iso/landkode", "/utdanning/kodeverk/skolear",
                "/administrasjon/kodeverk/stillingskode")) {
            assertTrue(paths.contains(p), p + " missing from " + paths);
        }
    }

    @Test
    void realisticProportions() {
        DataSet d = DataSet.of(DataSet.Size.MEDIUM, 1);
        int skoler = d.count(d.type("/utdanning/utdanningsprogram/skole"));
        int elever = d.count(d.type("/utdanning/elev/elev"));
        int elevforhold = d.count(d.type("/utdanning/elev/elevforhold"));
        int klasser = d.count(d.type("/utdanning/elev/klasse"));
        int personalressurser = d.count(d.type("/administrasjon/personal/personalressurs"));
        int arbeidsforhold = d.count(d.type("/administrasjon/personal/arbeidsforhold"));
        assertTrue(elever / skoler >= 300, "many elever per skole");
        assertTrue(elevforhold > elever && elevforhold < elever * 3 / 2, "a few elevforhold per elev");
        assertTrue(klasser >= skoler * 10 && elever / klasser >= 20 && elever / klasser <= 32, "klasser of 20 to 32");
        assertTrue(arbeidsforhold > personalressurser && arbeidsforhold < personalressurser * 3 / 2, "arbeidsforhold per personalressurs");
        assertEquals(d.count(d.type("/utdanning/elev/skoleressurs")) + elever, d.count(d.type("/utdanning/elev/person")),
                "a person under utdanning/elev for every elev and every skoleressurs");
        assertEquals(personalressurser, d.count(d.type("/administrasjon/personal/person")));
    }

    @Test
    void typesComeTargetsFirst() {
        List<String> paths = DataSet.of(DataSet.Size.SMALL, 1).types().stream().map(ResourceType::path).toList();
        assertTrue(paths.indexOf("/felles/kodeverk/iso/landkode") < paths.indexOf("/utdanning/elev/person"));
        assertTrue(paths.indexOf("/utdanning/utdanningsprogram/skole") < paths.indexOf("/utdanning/elev/elevforhold"));
        assertTrue(paths.indexOf("/utdanning/elev/elev") < paths.indexOf("/utdanning/elev/elevforhold"));
        assertTrue(paths.indexOf("/utdanning/elev/elevforhold") < paths.indexOf("/utdanning/elev/klassemedlemskap"));
        assertTrue(paths.indexOf("/utdanning/elev/person") < paths.indexOf("/utdanning/elev/elev"));
    }

    @Test
    void randomAccessGivesWhatTheIteratorGives() {
        DataSet d = DataSet.of(DataSet.Size.SMALL, 11);
        for (ResourceType t : d.types()) {
            int i = 0;
            for (Iterator<DataSet.Entry> it = d.entries(t); it.hasNext(); i++) {
                DataSet.Entry e = it.next();
                DataSet.Entry r = d.entry(t, i);
                assertEquals(e.identifier(), r.identifier());
                assertArrayEquals(e.json(), r.json());
            }
        }
        ResourceType elev = d.type("/utdanning/elev/elev");
        assertThrows(IndexOutOfBoundsException.class, () -> d.entry(elev, d.count(elev)));
        assertThrows(IllegalArgumentException.class, () -> d.type("/utdanning/vurdering/elevfravar"));
    }

    @Test
    void changedVersionsKeepTheIdentifierAndChangeWhatTheySay() {
        DataSet d = DataSet.of(DataSet.Size.SMALL, 1);
        for (String path : List.of("/utdanning/elev/person", "/utdanning/elev/elev", "/utdanning/elev/elevforhold",
                "/utdanning/elev/klassemedlemskap", "/administrasjon/personal/arbeidsforhold",
                "/administrasjon/personal/personalressurs", "/administrasjon/personal/person")) {
            ResourceType t = d.type(path);
            for (int i = 0; i < d.count(t); i += 7) {
                DataSet.Entry v0 = d.entry(t, i);
                DataSet.Entry v1 = d.changed(t, i, 1);
                DataSet.Entry v2 = d.changed(t, i, 2);
                assertEquals(v0.identifier(), v1.identifier());
                assertEquals(v0.identifier(), v2.identifier());
                assertArrayEquals(d.changed(t, i, 1).json(), v1.json(), "versions are deterministic too");
                // A klassemedlemskap can only move where its trinn has another klasse at the school.
                if (!path.endsWith("klassemedlemskap") || !Arrays.equals(v0.json(), v1.json())) {
                    assertNotEquals(v0.text(), v1.text(), path + " #" + i);
                }
                if (path.endsWith("person") || path.endsWith("elev") || path.endsWith("personalressurs")) {
                    assertNotEquals(v1.text(), v2.text(), "every version a new mobile number: " + path + " #" + i);
                }
            }
        }
        ResourceType kjonn = d.type("/felles/kodeverk/iso/kjonn");
        assertArrayEquals(d.entry(kjonn, 1).json(), d.changed(kjonn, 1, 3).json(), "code lists do not change");
    }

    @Test
    void aMovedElevforholdPointsToAnotherSchoolAndAMovedMembershipToAnotherKlasse() {
        DataSet d = DataSet.of(DataSet.Size.MEDIUM, 1);
        ResourceType ef = d.type("/utdanning/elev/elevforhold");
        String before = d.entry(ef, 10).text();
        String after = d.changed(ef, 10, 1).text();
        assertNotEquals(skole(before), skole(after));
        ResourceType km = d.type("/utdanning/elev/klassemedlemskap");
        assertNotEquals(klasse(d.entry(km, 10).text()), klasse(d.changed(km, 10, 1).text()));
    }

    private static String skole(String json) {
        return ModelCheck.parse(json.getBytes()).path("_links").path("skole").get(0).path("href").asText();
    }

    private static String klasse(String json) {
        return ModelCheck.parse(json.getBytes()).path("_links").path("klasse").get(0).path("href").asText();
    }

    @Test
    void iteratingTheLargeSetRetainsNoEntries() throws InterruptedException {
        DataSet d = DataSet.of(DataSet.Size.LARGE, 1);
        ResourceType t = d.type("/utdanning/elev/klassemedlemskap");
        assertTrue(d.count(t) > 200_000);
        Iterator<DataSet.Entry> it = d.entries(t);
        List<WeakReference<DataSet.Entry>> seen = new ArrayList<>();
        int n = 0;
        while (it.hasNext()) {
            DataSet.Entry e = it.next();
            if (n++ % 1000 == 0) {
                seen.add(new WeakReference<>(e));
            }
        }
        assertEquals(d.count(t), n);
        // The iterator (still reachable here) and the data set must not hold the entries they produced.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (seen.stream().anyMatch(r -> r.get() != null) && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(50);
        }
        long retained = seen.stream().filter(r -> r.get() != null).count();
        assertEquals(0, retained, retained + " of " + seen.size() + " sampled entries are still reachable");
        assertFalse(it.hasNext());
    }
}
