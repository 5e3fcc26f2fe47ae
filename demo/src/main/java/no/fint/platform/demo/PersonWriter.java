package no.fint.platform.demo;

import static no.fint.platform.demo.Parts.beginLinks;

/**
 * felles/Person as served under a component (utdanning/elev, administrasjon/personal). The same person
 * number gives the same person under every component; only the links differ.
 */
final class PersonWriter {

    private static final long STREAM = 0x5045_5257L;
    private static final long PHONE = 0x5048_4F4EL;

    private final Layout l;

    PersonWriter(Layout layout) {
        this.l = layout;
    }

    /**
     * @param p               the person number
     * @param version         0 as in the full sync; another version has a new mobile number
     * @param personalressurs the ansattnummer to link to (administrasjon/personal), or null
     * @param kommuneOverride a kommune code to link instead of the address's (a documented dangling link), or null
     */
    String person(int p, int version, JsonOut o, String personalressurs, String kommuneOverride) {
        People.Identity id = l.people.identity(p);
        Rng rng = new Rng(l.seed, STREAM, p);
        Rng phone = new Rng(l.seed, PHONE + version, p);
        Norway.Place home = Parts.place(rng);
        boolean norwegian = rng.percent(91);
        String[] country = norwegian ? Norway.COUNTRIES[0] : Norway.COUNTRIES[1 + rng.nextInt(Norway.COUNTRIES.length - 1)];
        String morsmal = norwegian ? "nob" : Norway.LANGUAGES[2 + rng.nextInt(Norway.LANGUAGES.length - 2)][0];
        String malform = rng.percent(14) ? "nno" : "nob";

        o.begin();
        Parts.kontaktinformasjon(o, People.ascii(id.fornavn()) + "." + People.ascii(id.etternavn()) + "@epost.example.no",
                Parts.mobile(phone), null, null);
        if (rng.percent(70)) {
            Parts.adresse(o, "postadresse", home, rng);
        }
        if (p % 5 == 0) {
            o.name("bilde").nul(); // an explicit null, as adapters with a default mapper send it
        }
        Parts.adresse(o, "bostedsadresse", home, rng);
        Dates.write(o, "fodselsdato", id.birthDay(), Parts.form(p));
        o.identifikator("fodselsnummer", id.fodselsnummer());
        Parts.personnavn(o, id, p % 4 == 1);

        beginLinks(o, Parts.PERSON, "fodselsnummer", id.fodselsnummer());
        o.link("statsborgerskap", Parts.LANDKODE, "systemid", country[0]);
        o.link("kommune", Parts.KOMMUNE, "systemid", kommuneOverride != null ? kommuneOverride : home.kommunenummer());
        o.link("kjonn", Parts.KJONN, "systemid", id.male() ? "1" : "2");
        o.link("malform", Parts.SPRAK, "systemid", malform);
        if (personalressurs != null) {
            o.link("personalressurs", Parts.PERSONALRESSURS, "ansattnummer", personalressurs);
        }
        o.link("morsmal", Parts.SPRAK, "systemid", morsmal);
        o.end();
        o.end();
        return id.fodselsnummer();
    }
}
