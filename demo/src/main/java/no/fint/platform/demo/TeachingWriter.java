package no.fint.platform.demo;

import static no.fint.platform.demo.Parts.beginLinks;

/**
 * utdanning/elev: skoleressurs (one per teacher), undervisningsforhold (one per teacher's
 * arbeidsforhold), klasse and kontaktlærergruppe. Skoleressurs owns its links to undervisningsforhold
 * and skole; klasse and kontaktlærergruppe own theirs to undervisningsforhold.
 */
final class TeachingWriter {

    private static final String[] TERMS = {"H1", "H2"};

    private final Layout l;
    private final PersonalWriter personal;

    TeachingWriter(Layout layout, PersonalWriter personal) {
        this.l = layout;
        this.personal = personal;
    }

    String skoleressurs(int t, int version, JsonOut o) {
        People.Identity id = l.people.identity(l.people.employee(t));
        String feidenavn = personal.brukernavn(t) + "@" + Parts.DOMAIN;
        String systemId = Layout.skoleressursId(t);
        o.begin();
        o.identifikator("feidenavn", feidenavn);
        o.identifikator("systemId", systemId);
        beginLinks(o, Parts.SKOLERESSURS, "feidenavn", feidenavn, "systemid", systemId);
        o.link("person", Parts.PERSON, "fodselsnummer", id.fodselsnummer());
        o.link("personalressurs", Parts.PERSONALRESSURS, "ansattnummer", Layout.ansattnummer(t));
        int first = l.jobsByEmployee.first(t);
        int n = l.jobsByEmployee.count(t);
        Parts.many(o, "undervisningsforhold");
        for (int a = first; a < first + n; a++) {
            o.href(Links.placeholder(Parts.UNDERVISNINGSFORHOLD, "systemid", Layout.undervisningsforholdId(a)));
        }
        o.endArray();
        Parts.many(o, "skole");
        int previous = -1;
        for (int a = first; a < first + n; a++) {
            int s = l.schoolOfTeachingJob(a);
            if (s != previous) {
                o.href(Links.placeholder(Parts.SKOLE, "systemid", Layout.skoleId(s)));
                previous = s;
            }
        }
        o.endArray();
        o.end();
        o.end();
        return systemId;
    }

    String undervisningsforhold(int a, int version, JsonOut o) {
        int s = l.schoolOfTeachingJob(a);
        String systemId = Layout.undervisningsforholdId(a);
        o.begin();
        o.field("beskrivelse", "Undervisning ved " + l.schoolName(s));
        o.identifikator("systemId", systemId);
        o.field("hovedskole", l.jobsByEmployee.position(a) == 0);
        beginLinks(o, Parts.UNDERVISNINGSFORHOLD, "systemid", systemId);
        o.link("arbeidsforhold", Parts.ARBEIDSFORHOLD, "systemid", Layout.arbeidsforholdId(a));
        o.link("skole", Parts.SKOLE, "systemid", Layout.skoleId(s));
        o.end();
        o.end();
        return systemId;
    }

    String klasse(int c, int version, JsonOut o) {
        int s = l.schoolOfClass(c);
        int trinn = l.trinnOfClass(c);
        String navn = l.className(c);
        String systemId = Layout.klasseId(c);
        o.begin();
        o.field("beskrivelse", "Vg" + (trinn + 1) + " " + Layout.PROGRAMS[l.programOfClass(c)][1] + ", klasse " + navn);
        o.field("navn", navn);
        o.identifikator("systemId", systemId);
        beginLinks(o, Parts.KLASSE, "systemid", systemId);
        o.link("skolear", Parts.SKOLEAR, "systemid", CodeLists.SKOLEAR_CURRENT);
        terms(o);
        o.link("trinn", Parts.ARSTRINN, "systemid", Layout.trinnId(trinn));
        Parts.many(o, "undervisningsforhold");
        for (int i = 0; i < 3; i++) {
            o.href(Links.placeholder(Parts.UNDERVISNINGSFORHOLD, "systemid", Layout.undervisningsforholdId(l.teachingJobOfClass(c, i))));
        }
        o.endArray();
        o.link("skole", Parts.SKOLE, "systemid", Layout.skoleId(s));
        o.end();
        o.end();
        return systemId;
    }

    String kontaktlarergruppe(int c, int version, JsonOut o) {
        String navn = l.className(c);
        String systemId = Layout.kontaktlarergruppeId(c);
        o.begin();
        o.field("beskrivelse", "Kontaktlærergruppe for " + navn);
        o.field("navn", navn + "-KL");
        o.identifikator("systemId", systemId);
        beginLinks(o, Parts.KONTAKTLARERGRUPPE, "systemid", systemId);
        o.link("klasse", Parts.KLASSE, "systemid", Layout.klasseId(c));
        terms(o);
        o.link("skole", Parts.SKOLE, "systemid", Layout.skoleId(l.schoolOfClass(c)));
        o.link("skolear", Parts.SKOLEAR, "systemid", CodeLists.SKOLEAR_CURRENT);
        o.link("undervisningsforhold", Parts.UNDERVISNINGSFORHOLD, "systemid", Layout.undervisningsforholdId(l.teachingJobOfClass(c, 0)));
        o.end();
        o.end();
        return systemId;
    }

    private static void terms(JsonOut o) {
        Parts.many(o, "termin");
        for (String t : TERMS) {
            o.href(Links.placeholder(Parts.TERMIN, "systemid", t));
        }
        o.endArray();
    }
}
