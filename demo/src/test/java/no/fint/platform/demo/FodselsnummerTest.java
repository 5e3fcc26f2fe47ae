package no.fint.platform.demo;

import com.fasterxml.jackson.databind.JsonNode;
import no.fint.platform.model.ResourceType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FodselsnummerTest {

    private static final int[] W1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] W2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    /** An independent mod-11 check, written from the published rule. */
    private static boolean valid(String f) {
        if (f.length() != 11) {
            return false;
        }
        int s1 = 0;
        int s2 = 0;
        for (int i = 0; i < 9; i++) {
            s1 += (f.charAt(i) - '0') * W1[i];
        }
        for (int i = 0; i < 10; i++) {
            s2 += (f.charAt(i) - '0') * W2[i];
        }
        int k1 = (11 - s1 % 11) % 11;
        int k2 = (11 - s2 % 11) % 11;
        return k1 != 10 && k2 != 10 && k1 == f.charAt(9) - '0' && k2 == f.charAt(10) - '0';
    }

    @Test
    void everySlotOfEveryBirthDateGivesADistinctValidSyntheticNumber() {
        for (LocalDate d = LocalDate.of(1958, 1, 1); d.isBefore(LocalDate.of(2010, 1, 1)); d = d.plusDays(7)) {
            Set<String> seen = new HashSet<>();
            for (int slot = 0; slot < Fodselsnummer.SLOTS_PER_DAY; slot++) {
                String f = Fodselsnummer.of(d, slot);
                assertTrue(valid(f), f);
                assertTrue(seen.add(f), "slot " + slot + " repeats " + f);
                assertTrue(Integer.parseInt(f.substring(2, 4)) > 80, "synthetic month: " + f);
                assertEquals(d, Fodselsnummer.birthDate(f));
            }
        }
    }

    @Test
    void knownNumbers() {
        // 01.01.2005 + 80 on the month, individnummer 500.
        assertEquals("0181055000", Fodselsnummer.withCheckDigits(LocalDate.of(2005, 1, 1), 500).substring(0, 10));
        assertTrue(Fodselsnummer.validCheckDigits(Fodselsnummer.withCheckDigits(LocalDate.of(2005, 1, 1), 500)));
        assertFalse(Fodselsnummer.validCheckDigits("01810550004"));
        // A check digit of 10 means the individnummer cannot be used for that date.
        int unusable = 0;
        for (int i = 500; i < 1000; i++) {
            String f = Fodselsnummer.withCheckDigits(LocalDate.of(2008, 5, 17), i);
            if (f == null) {
                unusable++;
            } else {
                assertTrue(valid(f));
            }
        }
        assertTrue(unusable > 0);
    }

    @Test
    void personsOfTheDataSetHaveDistinctValidNumbersMatchingTheirBirthDateAndSex() {
        DataSet d = DataSet.of(DataSet.Size.MEDIUM, 1);
        Set<String> all = new HashSet<>();
        for (String path : new String[] {"/utdanning/elev/person", "/administrasjon/personal/person"}) {
            ResourceType t = d.type(path);
            Set<String> here = new HashSet<>();
            for (Iterator<DataSet.Entry> it = d.entries(t); it.hasNext(); ) {
                JsonNode r = ModelCheck.parse(it.next().json());
                String f = r.path("fodselsnummer").path("identifikatorverdi").asText();
                assertTrue(valid(f), f);
                assertTrue(here.add(f), "duplicate " + f + " under " + path);
                all.add(f);
                JsonNode born = r.get("fodselsdato");
                LocalDate date = born.isNumber() ? Instant.ofEpochMilli(born.asLong()).atZone(ZoneId.of("UTC")).toLocalDate()
                        : OffsetDateTime.parse(born.asText()).toLocalDate();
                assertEquals(Fodselsnummer.birthDate(f), date, f);
                boolean male = (f.charAt(8) - '0') % 2 == 1;
                assertTrue(r.path("_links").path("kjonn").get(0).path("href").asText().endsWith(male ? "/1" : "/2"), f);
            }
        }
        // Teachers are persons under both components; all other persons are distinct.
        int teachers = d.count(d.type("/utdanning/elev/skoleressurs"));
        assertEquals(d.count(d.type("/utdanning/elev/person")) + d.count(d.type("/administrasjon/personal/person")) - teachers, all.size());
    }

    @Test
    void theLargeSetHasRoomForItsPupils() {
        DataSet d = DataSet.of(DataSet.Size.LARGE, 1);
        ResourceType person = d.type("/utdanning/elev/person");
        // The last pupil's number is in the highest slot used; it must still be a valid, distinct one.
        int lastPupil = d.count(d.type("/utdanning/elev/elev")) - 1;
        assertTrue(valid(d.entry(person, lastPupil).identifier()));
        assertTrue(valid(d.entry(person, 0).identifier()));
    }
}
