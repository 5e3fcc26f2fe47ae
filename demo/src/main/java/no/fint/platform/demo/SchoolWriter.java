package no.fint.platform.demo;

import static no.fint.platform.demo.Parts.beginLinks;

/**
 * utdanning/utdanningsprogram: skole, the 15 utdanningsprogram (each linking to the schools that offer
 * it), their programområder and the three årstrinn.
 */
final class SchoolWriter {

    private static final long STREAM = 0x534B_4F4CL;

    private final Layout l;

    SchoolWriter(Layout layout) {
        this.l = layout;
    }

    String skole(int s, int version, JsonOut o) {
        Rng rng = new Rng(l.seed, STREAM, s);
        String navn = l.schoolName(s);
        String slug = People.ascii(navn.replace(" videregående skole", ""));
        String domene = slug + ".vgs." + Parts.DOMAIN;
        String systemId = Layout.skoleId(s);
        String skolenummer = Layout.skolenummer(s);
        String orgnr = Layout.organisasjonsnummer(s);
        Norway.Place place = Parts.place(rng);

        o.begin();
        Parts.kontaktinformasjon(o, "postmottak@" + domene, null, Parts.landline(rng), "https://" + domene);
        Parts.adresse(o, "postadresse", place, rng);
        Parts.adresse(o, "forretningsadresse", place, rng);
        o.field("organisasjonsnavn", navn);
        o.identifikator("organisasjonsnummer", orgnr);
        o.field("domenenavn", domene);
        o.field("juridiskNavn", OrganisationWriter.COUNTY);
        o.field("navn", navn);
        o.identifikator("skolenummer", skolenummer);
        o.identifikator("systemId", systemId);

        beginLinks(o, Parts.SKOLE, "skolenummer", skolenummer, "systemid", systemId, "organisasjonsnummer", orgnr);
        o.link("organisasjon", Parts.ORGANISASJONSELEMENT, "organisasjonsid", Layout.organisasjonsId(l.schoolUnit(s)));
        o.link("skoleeierType", Parts.SKOLEEIERTYPE, "systemid", "F");
        o.end();
        o.end();
        return systemId;
    }

    String utdanningsprogram(int p, int version, JsonOut o) {
        String id = Layout.programId(p);
        String navn = Layout.PROGRAMS[p][1];
        o.begin();
        o.field("beskrivelse", "Utdanningsprogram for " + navn.toLowerCase(java.util.Locale.ROOT));
        o.field("navn", navn);
        o.identifikator("systemId", id);
        beginLinks(o, Parts.UTDANNINGSPROGRAM, "systemid", id);
        boolean any = false;
        for (int s = 0; s < l.schools; s++) {
            if (l.offers(s, p)) {
                if (!any) {
                    Parts.many(o, "skole");
                    any = true;
                }
                o.href(Links.placeholder(Parts.SKOLE, "systemid", Layout.skoleId(s)));
            }
        }
        if (any) {
            o.endArray();
        }
        o.end();
        o.end();
        return id;
    }

    static int areas() {
        return Layout.PROGRAMS.length * Layout.AREA_SUFFIX.length;
    }

    String programomrade(int area, int version, JsonOut o) {
        int p = area / Layout.AREA_SUFFIX.length;
        int k = area % Layout.AREA_SUFFIX.length;
        int trinn = Layout.AREA_TRINN[k];
        String id = Layout.areaId(area);
        String program = Layout.PROGRAMS[p][1];
        String navn = "Vg" + (trinn + 1) + " " + program + (trinn == 1 ? ", retning " + (k == 1 ? "A" : "B") : "");
        o.begin();
        o.field("beskrivelse", navn);
        o.field("navn", navn);
        o.identifikator("systemId", id);
        beginLinks(o, Parts.PROGRAMOMRADE, "systemid", id);
        o.link("trinn", Parts.ARSTRINN, "systemid", Layout.trinnId(trinn));
        o.link("utdanningsprogram", Parts.UTDANNINGSPROGRAM, "systemid", Layout.programId(p));
        o.end();
        o.end();
        return id;
    }

    String arstrinn(int t, int version, JsonOut o) {
        String id = Layout.trinnId(t);
        o.begin();
        o.field("beskrivelse", "Videregående trinn " + (t + 1));
        o.field("navn", "Vg" + (t + 1));
        o.identifikator("systemId", id);
        beginLinks(o, Parts.ARSTRINN, "systemid", id);
        o.end();
        o.end();
        return id;
    }
}
