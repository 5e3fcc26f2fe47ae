package no.fint.platform.demo;

import static no.fint.platform.demo.Parts.beginLinks;

/**
 * utdanning/elev: elev, elevforhold and klassemedlemskap. Links go in the owning direction only:
 * elev to person, elevforhold to elev and skole, klassemedlemskap to elevforhold and klasse.
 */
final class PupilWriter {

    private static final long ELEV = 0x454C_4556L;
    private static final long ENROLMENT = 0x454C_4646L;
    private static final long PHONE = 0x4550_484EL;
    private static final String[] CATEGORIES = {"ORD", "ORD", "ORD", "ORD", "ORD", "ORD", "ORD", "ORD", "ORD", "ORD",
        "ORD", "ORD", "ORD", "ORD", "ORD", "ORD", "ORD", "VOK", "GJE", "PRI"};

    private final Layout l;

    PupilWriter(Layout layout) {
        this.l = layout;
    }

    String brukernavn(int e) {
        return Parts.userName(l.people.identity(e), "", e);
    }

    String elev(int e, int version, JsonOut o) {
        People.Identity id = l.people.identity(e);
        Rng rng = new Rng(l.seed, ELEV, e);
        Rng phone = new Rng(l.seed, PHONE + version, e);
        String brukernavn = Parts.userName(id, "", e);
        String feidenavn = brukernavn + "@" + Parts.DOMAIN;
        String elevnummer = Layout.elevnummer(e);
        String systemId = Layout.elevId(e);

        o.begin();
        o.identifikator("brukernavn", brukernavn);
        o.identifikator("elevnummer", elevnummer);
        o.identifikator("feidenavn", feidenavn);
        o.field("gjest", rng.percent(2));
        int hybel = rng.nextInt(100);
        if (hybel < 8) {
            Parts.adresse(o, "hybeladresse", Norway.PLACES[l.schoolOfPupil(e) % Norway.PLACES.length], rng);
        } else if (hybel < 18) {
            o.name("hybeladresse").nul();
        }
        Parts.kontaktinformasjon(o, brukernavn + "@elev." + Parts.DOMAIN, Parts.mobile(phone), null, null);
        o.identifikator("systemId", systemId);

        beginLinks(o, Parts.ELEV, "brukernavn", brukernavn, "elevnummer", elevnummer, "feidenavn", feidenavn, "systemid", systemId);
        o.link("person", Parts.PERSON, "fodselsnummer", id.fodselsnummer());
        o.end();
        o.end();
        return systemId;
    }

    /**
     * @param version        0 as in the full sync; another version has moved to another school
     * @param danglingSchool write this skolenummer as the skole link (a documented dangling link), or null
     */
    String elevforhold(int f, int version, JsonOut o, String danglingSchool) {
        int e = l.pupilOfEnrolment(f);
        int kind = l.kindOfEnrolment(f);
        int s = l.schoolOfEnrolment(f, version);
        Rng rng = new Rng(l.seed, ENROLMENT, f);
        boolean lastYear = kind == 2;
        boolean interrupted = !lastYear && rng.percent(2);
        String systemId = Layout.elevforholdId(f);

        o.begin();
        o.field("beskrivelse", "Elevforhold " + (lastYear ? "2024/2025" : "2025/2026") + " ved " + l.schoolName(s));
        o.identifikator("systemId", systemId);
        if (interrupted) {
            Dates.write(o, "avbruddsdato", Parts.YEAR_START + 20 + rng.nextInt(80), Parts.form(f));
        } else if (f % 10 < 3) {
            o.name("avbruddsdato").nul();
        }
        Parts.periode(o, "gyldighetsperiode", lastYear ? Parts.LAST_YEAR_START : Parts.YEAR_START,
                lastYear ? Parts.LAST_YEAR_END : Parts.YEAR_END, null, Parts.form(f));
        o.field("hovedskole", kind != 1);
        o.field("tosprakligFagopplaring", rng.percent(4));

        beginLinks(o, Parts.ELEVFORHOLD, "systemid", systemId);
        // Now and then by elevnummer or skolenummer, so lookups by any identifier are exercised.
        if (rng.percent(10)) {
            o.link("elev", Parts.ELEV, "elevnummer", Layout.elevnummer(e));
        } else {
            o.link("elev", Parts.ELEV, "systemid", Layout.elevId(e));
        }
        o.link("kategori", Parts.ELEVKATEGORI, "systemid", rng.pick(CATEGORIES));
        if (danglingSchool != null) {
            o.link("skole", Parts.SKOLE, "skolenummer", danglingSchool);
        } else if (rng.percent(30)) {
            o.link("skole", Parts.SKOLE, "skolenummer", Layout.skolenummer(s));
        } else {
            o.link("skole", Parts.SKOLE, "systemid", Layout.skoleId(s));
        }
        if (interrupted) {
            o.link("avbruddsarsak", Parts.AVBRUDDSARSAK, "systemid", rng.pick(new String[] {"AR", "FL", "HE", "LK", "SB", "AN"}));
        }
        o.link("skolear", Parts.SKOLEAR, "systemid", lastYear ? CodeLists.SKOLEAR_PREVIOUS : CodeLists.SKOLEAR_CURRENT);
        o.end();
        o.end();
        return systemId;
    }

    /**
     * @param version       0 as in the full sync; another version has moved to another klasse
     * @param danglingClass write this klasse systemId (a documented dangling link), or null
     */
    String klassemedlemskap(int f, int version, JsonOut o, String danglingClass) {
        boolean lastYear = l.kindOfEnrolment(f) == 2;
        String systemId = Layout.klassemedlemskapId(f);
        o.begin();
        Parts.periode(o, "gyldighetsperiode", lastYear ? Parts.LAST_YEAR_START : Parts.YEAR_START,
                lastYear ? Parts.LAST_YEAR_END : Parts.YEAR_END, null, Parts.form(f));
        o.identifikator("systemId", systemId);
        beginLinks(o, Parts.KLASSEMEDLEMSKAP, "systemid", systemId);
        o.link("elevforhold", Parts.ELEVFORHOLD, "systemid", Layout.elevforholdId(f));
        o.link("klasse", Parts.KLASSE, "systemid", danglingClass != null ? danglingClass : Layout.klasseId(l.classOfMembership(f, version)));
        o.end();
        o.end();
        return systemId;
    }
}
