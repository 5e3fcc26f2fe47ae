package no.fint.platform.demo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The code lists (kodeverk) the data set's resources point to. Fixed content, the same for every size:
 * real codes where a public register has them (ISO 5218 kjønn, ISO 3166 land, ISO 639 språk, fylker and
 * kommuner from 2024, KOSTRA-like funksjoner, stillingskoder), plausible ones elsewhere.
 */
final class CodeLists {

    /**
     * One code.
     *
     * @param kode   the code (also its systemId)
     * @param navn   its name
     * @param parent the code of the entry it points to through the list's own relation, or null
     * @param passiv an old code kept for history
     */
    record Code(String kode, String navn, String parent, boolean passiv) {
        Code(String kode, String navn) {
            this(kode, navn, null, false);
        }
    }

    /**
     * One code list.
     *
     * @param path           the resource path, e.g. {@code /felles/kodeverk/iso/kjonn}
     * @param relation       the list's own relation written from {@link Code#parent}, or null
     * @param relationTarget the placeholder type that relation points to
     * @param codes          the entries
     */
    record CodeList(String path, String relation, String relationTarget, List<Code> codes) {
        CodeList(String path, List<Code> codes) {
            this(path, null, null, codes);
        }

        /** The placeholder type of the list itself: {@code felles.kodeverk.iso.kjonn}. */
        String type() {
            return path.substring(1).replace('/', '.');
        }
    }

    static final String SKOLEAR_CURRENT = "20252026";
    static final String SKOLEAR_PREVIOUS = "20242025";

    private CodeLists() {
    }

    static List<CodeList> all() {
        List<CodeList> lists = new ArrayList<>();
        lists.add(new CodeList("/felles/kodeverk/iso/kjonn", List.of(
                new Code("0", "Ikke kjent"), new Code("1", "Mann"), new Code("2", "Kvinne"), new Code("9", "Ikke relevant"))));
        lists.add(new CodeList("/felles/kodeverk/iso/landkode", pairs(Norway.COUNTRIES)));
        lists.add(new CodeList("/felles/kodeverk/iso/sprak", pairs(Norway.LANGUAGES)));
        lists.add(new CodeList("/felles/kodeverk/fylke", pairs(Norway.FYLKER)));
        List<Code> kommuner = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Norway.Place p : Norway.PLACES) {
            if (seen.add(p.kommunenummer())) {
                kommuner.add(new Code(p.kommunenummer(), p.kommune(), p.fylkesnummer(), false));
            }
        }
        lists.add(new CodeList("/felles/kodeverk/kommune", "fylke", "felles.kodeverk.fylke", kommuner));

        lists.add(new CodeList("/utdanning/kodeverk/skolear", List.of(
                new Code("20222023", "2022/2023", null, true), new Code("20232024", "2023/2024", null, true),
                new Code(SKOLEAR_PREVIOUS, "2024/2025"), new Code(SKOLEAR_CURRENT, "2025/2026"))));
        lists.add(new CodeList("/utdanning/kodeverk/termin", List.of(
                new Code("H1", "Første termin"), new Code("H2", "Andre termin"))));
        lists.add(new CodeList("/utdanning/kodeverk/elevkategori", List.of(
                new Code("ORD", "Ordinær elev"), new Code("VOK", "Voksen elev"), new Code("GJE", "Gjesteelev"),
                new Code("PRI", "Privatist"))));
        lists.add(new CodeList("/utdanning/kodeverk/avbruddsarsak", List.of(
                new Code("AR", "Overgang til arbeid"), new Code("FL", "Flytting"), new Code("HE", "Helsemessige årsaker"),
                new Code("LK", "Lærekontrakt"), new Code("SB", "Skolebytte"), new Code("AN", "Annen årsak"))));
        lists.add(new CodeList("/utdanning/kodeverk/skoleeiertype", List.of(
                new Code("F", "Fylkeskommunal"), new Code("P", "Privat"), new Code("S", "Statlig"))));

        lists.add(new CodeList("/administrasjon/kodeverk/personalressurskategori", List.of(
                new Code("F", "Fast ansatt"), new Code("M", "Midlertidig ansatt"), new Code("T", "Timelønnet"),
                new Code("L", "Lærling"))));
        lists.add(new CodeList("/administrasjon/kodeverk/stillingskode", "forelder", "administrasjon.kodeverk.stillingskode",
                List.of(new Code("7954", "Lektor"), new Code("7955", "Lektor med tilleggsutdanning", "7954", false),
                        new Code("7956", "Lærer"), new Code("7957", "Adjunkt"),
                        new Code("7958", "Adjunkt med tilleggsutdanning", "7957", false), new Code("7962", "Rektor"),
                        new Code("7963", "Avdelingsleder"), new Code("1065", "Konsulent"), new Code("1408", "Førstekonsulent"),
                        new Code("1434", "Rådgiver"), new Code("1364", "Seniorrådgiver"), new Code("1211", "Seksjonssjef"))));
        lists.add(new CodeList("/administrasjon/kodeverk/arbeidsforholdstype", List.of(
                new Code("FAST", "Fast stilling"), new Code("MIDL", "Midlertidig stilling"), new Code("VIK", "Vikariat"),
                new Code("TIME", "Timelønnet"))));
        lists.add(new CodeList("/administrasjon/kodeverk/uketimetall", List.of(
                new Code("37.5", "37,5 timer per uke"), new Code("35.5", "35,5 timer per uke"), new Code("40", "40 timer per uke"))));
        // Ansvar and Funksjon are trees: only "overordnet" is sent, "underordnet" is its inverse.
        lists.add(new CodeList("/administrasjon/kodeverk/ansvar", "overordnet", "administrasjon.kodeverk.ansvar", List.of(
                new Code("1000", "Fylkeskommunen"), new Code("1100", "Opplæring og kompetanse", "1000", false),
                new Code("1110", "Videregående skoler", "1100", false), new Code("1120", "Fagopplæring", "1100", false),
                new Code("1200", "Samferdsel", "1000", false), new Code("1300", "Økonomi og styring", "1000", false),
                new Code("1400", "Organisasjon og personal", "1000", false), new Code("1500", "Tannhelse", "1000", false),
                new Code("1600", "Næring og kultur", "1000", false), new Code("1999", "Avviklet ansvar", "1000", true))));
        lists.add(new CodeList("/administrasjon/kodeverk/funksjon", "overordnet", "administrasjon.kodeverk.funksjon", List.of(
                new Code("400", "Politisk styring"), new Code("420", "Administrasjon"),
                new Code("500", "Videregående opplæring"), new Code("515", "Fellesutgifter videregående opplæring", "500", false),
                new Code("520", "Pedagogisk ledelse", "500", false), new Code("521", "Studiespesialisering", "500", false),
                new Code("532", "Yrkesfaglige utdanningsprogram", "500", false), new Code("722", "Fylkesveier"))));
        lists.add(new CodeList("/administrasjon/kodeverk/organisasjonstype", List.of(
                new Code("FK", "Fylkeskommune"), new Code("SEKTOR", "Sektor"), new Code("SEKSJON", "Seksjon"),
                new Code("SKOLE", "Skole"), new Code("AVD", "Avdeling"))));
        return List.copyOf(lists);
    }

    private static List<Code> pairs(String[][] table) {
        List<Code> codes = new ArrayList<>();
        for (String[] row : table) {
            codes.add(new Code(row[0], row[1]));
        }
        return codes;
    }
}
