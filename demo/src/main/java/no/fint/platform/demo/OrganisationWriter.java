package no.fint.platform.demo;

import static no.fint.platform.demo.Layout.FIRST_SCHOOL_UNIT;
import static no.fint.platform.demo.Layout.FIRST_SECTION;
import static no.fint.platform.demo.Layout.ROOT;
import static no.fint.platform.demo.Layout.SECTIONS_PER_SECTOR;
import static no.fint.platform.demo.Layout.SECTORS;
import static no.fint.platform.demo.Parts.beginLinks;

/**
 * administrasjon/organisasjon/organisasjonselement: the county, six sectors with three sections each,
 * and per school the school unit with three departments. Links upwards only ({@code overordnet});
 * {@code underordnet} is its inverse, derived by the relations service.
 */
final class OrganisationWriter {

    private static final long STREAM = 0x4F52_4755L;
    static final String COUNTY = "Demo fylkeskommune";

    private final Layout l;

    OrganisationWriter(Layout layout) {
        this.l = layout;
    }

    String organisasjonselement(int u, int version, JsonOut o) {
        Rng rng = new Rng(l.seed, STREAM, u);
        int s = l.schoolOfUnit(u);
        boolean schoolUnit = s >= 0 && u == l.schoolUnit(s);
        String navn = name(u);
        String id = Layout.organisasjonsId(u);
        String kode = l.organisasjonsKode(u);
        String orgnr = u == ROOT ? Layout.organisasjonsnummer(-1) : schoolUnit ? Layout.organisasjonsnummer(s) : null;

        o.begin();
        Parts.kontaktinformasjon(o, "post." + kode.toLowerCase(java.util.Locale.ROOT) + "@" + Parts.DOMAIN, null,
                Parts.landline(rng), null);
        Parts.adresse(o, "postadresse", Parts.place(rng), rng);
        if (orgnr != null) {
            o.field("organisasjonsnavn", u == ROOT ? COUNTY : navn);
            o.identifikator("organisasjonsnummer", orgnr);
        }
        Parts.periode(o, "gyldighetsperiode", Dates.day(2020, 1, 1), -1, null, Parts.form(u));
        o.field("kortnavn", kode);
        o.field("navn", navn);
        o.identifikator("organisasjonsId", id);
        o.identifikator("organisasjonsKode", kode);

        if (orgnr != null) {
            beginLinks(o, Parts.ORGANISASJONSELEMENT, "organisasjonsid", id, "organisasjonskode", kode, "organisasjonsnummer", orgnr);
        } else {
            beginLinks(o, Parts.ORGANISASJONSELEMENT, "organisasjonsid", id, "organisasjonskode", kode);
        }
        o.link("ansvar", Parts.ANSVAR, "systemid", ansvar(u));
        o.link("organisasjonstype", Parts.ORGANISASJONSTYPE, "systemid", type(u, schoolUnit));
        o.link("leder", Parts.PERSONALRESSURS, "ansattnummer", Layout.ansattnummer(l.leaderOf(u)));
        o.link("overordnet", Parts.ORGANISASJONSELEMENT, "organisasjonsid", Layout.organisasjonsId(l.parentUnit(u)));
        o.end();
        o.end();
        return id;
    }

    String name(int u) {
        if (u == ROOT) {
            return COUNTY;
        }
        if (u <= SECTORS) {
            return Layout.SECTOR_NAMES[u - 1];
        }
        if (u < FIRST_SCHOOL_UNIT) {
            int k = u - FIRST_SECTION;
            return Layout.SECTION_NAMES[k % SECTIONS_PER_SECTOR] + ", " + Layout.SECTOR_NAMES[k / SECTIONS_PER_SECTOR].toLowerCase(java.util.Locale.ROOT);
        }
        int s = l.schoolOfUnit(u);
        int pos = u - l.schoolUnit(s);
        return pos == 0 ? l.schoolName(s) : Layout.DEPARTMENT_NAMES[pos - 1] + ", " + l.schoolName(s);
    }

    /** The ansvar (cost centre) of a unit: the sector's, or "videregående skoler" for schools. */
    static String ansvar(int u) {
        if (u == ROOT) {
            return "1000";
        }
        if (u <= SECTORS) {
            return Layout.SECTOR_ANSVAR[u - 1];
        }
        if (u < FIRST_SCHOOL_UNIT) {
            return Layout.SECTOR_ANSVAR[(u - FIRST_SECTION) / SECTIONS_PER_SECTOR];
        }
        return "1110";
    }

    private static String type(int u, boolean schoolUnit) {
        if (u == ROOT) {
            return "FK";
        }
        if (u <= SECTORS) {
            return "SEKTOR";
        }
        if (u < FIRST_SCHOOL_UNIT) {
            return "SEKSJON";
        }
        return schoolUnit ? "SKOLE" : "AVD";
    }
}
