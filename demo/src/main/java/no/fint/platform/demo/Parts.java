package no.fint.platform.demo;

/** Pieces several resources share: placeholder types, self links, contact data, addresses, periods, names. */
final class Parts {

    // Placeholder types (domain.package.class in lower case), as adapters write them in links.
    static final String ELEV = "utdanning.elev.elev";
    static final String ELEVFORHOLD = "utdanning.elev.elevforhold";
    static final String KLASSE = "utdanning.elev.klasse";
    static final String KLASSEMEDLEMSKAP = "utdanning.elev.klassemedlemskap";
    static final String KONTAKTLARERGRUPPE = "utdanning.elev.kontaktlarergruppe";
    static final String SKOLERESSURS = "utdanning.elev.skoleressurs";
    static final String UNDERVISNINGSFORHOLD = "utdanning.elev.undervisningsforhold";
    static final String PERSON = "felles.person";
    static final String SKOLE = "utdanning.utdanningsprogram.skole";
    static final String UTDANNINGSPROGRAM = "utdanning.utdanningsprogram.utdanningsprogram";
    static final String PROGRAMOMRADE = "utdanning.utdanningsprogram.programomrade";
    static final String ARSTRINN = "utdanning.utdanningsprogram.arstrinn";
    static final String PERSONALRESSURS = "administrasjon.personal.personalressurs";
    static final String ARBEIDSFORHOLD = "administrasjon.personal.arbeidsforhold";
    static final String ORGANISASJONSELEMENT = "administrasjon.organisasjon.organisasjonselement";
    static final String KJONN = "felles.kodeverk.iso.kjonn";
    static final String LANDKODE = "felles.kodeverk.iso.landkode";
    static final String SPRAK = "felles.kodeverk.iso.sprak";
    static final String KOMMUNE = "felles.kodeverk.kommune";
    static final String SKOLEAR = "utdanning.kodeverk.skolear";
    static final String TERMIN = "utdanning.kodeverk.termin";
    static final String ELEVKATEGORI = "utdanning.kodeverk.elevkategori";
    static final String AVBRUDDSARSAK = "utdanning.kodeverk.avbruddsarsak";
    static final String SKOLEEIERTYPE = "utdanning.kodeverk.skoleeiertype";
    static final String PERSONALRESSURSKATEGORI = "administrasjon.kodeverk.personalressurskategori";
    static final String STILLINGSKODE = "administrasjon.kodeverk.stillingskode";
    static final String ARBEIDSFORHOLDSTYPE = "administrasjon.kodeverk.arbeidsforholdstype";
    static final String UKETIMETALL = "administrasjon.kodeverk.uketimetall";
    static final String ANSVAR = "administrasjon.kodeverk.ansvar";
    static final String FUNKSJON = "administrasjon.kodeverk.funksjon";
    static final String ORGANISASJONSTYPE = "administrasjon.kodeverk.organisasjonstype";

    /** The e-mail and Feide domain of the synthetic county. */
    static final String DOMAIN = "demofylke.no";

    static final int YEAR_START = Dates.day(2025, 8, 18);
    static final int YEAR_END = Dates.day(2026, 6, 19);
    static final int LAST_YEAR_START = Dates.day(2024, 8, 19);
    static final int LAST_YEAR_END = Dates.day(2025, 6, 20);

    private Parts() {
    }

    /** Mostly ISO-8601 UTC; every 10th epoch ms, every 20th local time with offset (what adapters send). */
    static Dates.Form form(int index) {
        if (index % 10 == 7) {
            return Dates.Form.EPOCH_MS;
        }
        return index % 20 == 3 ? Dates.Form.ISO_OFFSET : Dates.Form.ISO_UTC;
    }

    /** Starts {@code _links} with the resource's own {@code self} links, one per (field, value) pair. */
    static void beginLinks(JsonOut o, String type, String... fieldValues) {
        o.name("_links").begin();
        o.name("self").beginArray();
        for (int i = 0; i < fieldValues.length; i += 2) {
            o.href(Links.placeholder(type, fieldValues[i], fieldValues[i + 1]));
        }
        o.endArray();
    }

    /** Opens one relation's array; add hrefs with {@link JsonOut#href} and close with {@link JsonOut#endArray}. */
    static void many(JsonOut o, String relation) {
        o.name(relation).beginArray();
    }

    static String mobile(Rng rng) {
        return (rng.percent(70) ? "9" : "4") + digits(rng, 7);
    }

    static String landline(Rng rng) {
        return (char) ('2' + rng.nextInt(6)) + digits(rng, 7);
    }

    private static String digits(Rng rng, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = (char) ('0' + rng.nextInt(10));
        }
        return new String(c);
    }

    /** {@code "kontaktinformasjon":{...}} with the fields that are not null. */
    static void kontaktinformasjon(JsonOut o, String epost, String mobil, String telefon, String nettsted) {
        o.name("kontaktinformasjon").begin();
        if (epost != null) {
            o.field("epostadresse", epost);
        }
        if (mobil != null) {
            o.field("mobiltelefonnummer", mobil);
        }
        if (nettsted != null) {
            o.field("nettsted", nettsted);
        }
        if (telefon != null) {
            o.field("telefonnummer", telefon);
        }
        o.end();
    }

    static Norway.Place place(Rng rng) {
        return rng.pick(Norway.PLACES);
    }

    /** {@code "name":{"adresselinje":[...],"postnummer":..,"poststed":..,"_links":{"land":[..]}}}. */
    static void adresse(JsonOut o, String name, Norway.Place place, Rng rng) {
        o.name(name).begin();
        o.name("adresselinje").beginArray();
        if (rng.percent(4)) {
            o.str("c/o " + rng.pick(Norway.SURNAMES));
        }
        String letter = rng.percent(15) ? String.valueOf((char) ('A' + rng.nextInt(4))) : "";
        o.str(rng.pick(Norway.STREETS) + " " + rng.between(1, 140) + letter);
        o.endArray();
        o.field("postnummer", place.postnummer());
        o.field("poststed", place.poststed());
        o.name("_links").begin();
        o.link("land", LANDKODE, "systemid", "NO");
        o.end();
        o.end();
    }

    /** {@code "name":{"beskrivelse":..,"slutt":..,"start":..}}; slutt and beskrivelse left out when absent. */
    static void periode(JsonOut o, String name, int start, int slutt, String beskrivelse, Dates.Form form) {
        o.name(name).begin();
        if (beskrivelse != null) {
            o.field("beskrivelse", beskrivelse);
        }
        if (slutt >= 0) {
            Dates.write(o, "slutt", slutt, form);
        }
        Dates.write(o, "start", start, form);
        o.end();
    }

    /** {@code "navn":{"etternavn":..,"fornavn":..,"mellomnavn":..}}; an absent middle name now and then an explicit null. */
    static void personnavn(JsonOut o, People.Identity id, boolean explicitNull) {
        o.name("navn").begin();
        o.field("etternavn", id.etternavn());
        o.field("fornavn", id.fornavn());
        if (id.mellomnavn() != null) {
            o.field("mellomnavn", id.mellomnavn());
        } else if (explicitNull) {
            o.name("mellomnavn").nul();
        }
        o.end();
    }

    /** A user name: three letters of the first and last name and a number that makes it unique. */
    static String userName(People.Identity id, String prefix, int number) {
        String f = People.ascii(id.fornavn());
        String l = People.ascii(id.etternavn());
        return prefix + f.substring(0, Math.min(3, f.length())) + l.substring(0, Math.min(3, l.length())) + number;
    }
}
