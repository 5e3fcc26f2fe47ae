package no.fint.platform.demo;

import static no.fint.platform.demo.Parts.beginLinks;

/**
 * administrasjon/personal: personalressurs (teachers first, then the other staff) and their
 * arbeidsforhold. Personalressurs owns the link to its arbeidsforhold (isSource in the model); the
 * arbeidsforhold links to its arbeidssted and personalleder.
 */
final class PersonalWriter {

    private static final long RESSURS = 0x5052_4553L;
    private static final long JOB = 0x4A4F_4253L;
    private static final long PHONE = 0x5052_5048L;
    private static final String[] TEACHER_TITLES = {"Lektor", "Lektor", "Lektor med tilleggsutdanning", "Adjunkt",
        "Adjunkt med tilleggsutdanning", "Lærer"};
    private static final String[] STAFF_TITLES = {"Rådgiver", "Rådgiver", "Seniorrådgiver", "Konsulent", "Førstekonsulent"};

    private final Layout l;

    PersonalWriter(Layout layout) {
        this.l = layout;
    }

    String brukernavn(int r) {
        return Parts.userName(l.people.identity(l.people.employee(r)), "", r);
    }

    String personalressurs(int r, int version, JsonOut o) {
        People.Identity id = l.people.identity(l.people.employee(r));
        Rng rng = new Rng(l.seed, RESSURS, r);
        Rng phone = new Rng(l.seed, PHONE + version, r);
        boolean teacher = r < l.teachers();
        int earliest = Math.max(id.birthDay() + 22 * 365, Dates.day(1990, 1, 1));
        int hired = earliest + rng.nextInt(Math.max(1, Parts.YEAR_START - earliest));
        String kategori = teacher ? (rng.percent(85) ? "F" : "M") : rng.percent(80) ? "F" : rng.percent(50) ? "M" : "T";
        String ansattnummer = Layout.ansattnummer(r);
        String brukernavn = Parts.userName(id, "", r);
        String systemId = Layout.personalressursId(r);

        o.begin();
        o.identifikator("ansattnummer", ansattnummer);
        Parts.periode(o, "ansettelsesperiode", hired, -1, null, Parts.form(r));
        Dates.write(o, "ansiennitet", hired - rng.nextInt(3 * 365), Parts.form(r + 1));
        o.identifikator("brukernavn", brukernavn);
        o.field("jobbtittel", title(r, 0));
        Parts.kontaktinformasjon(o, People.ascii(id.fornavn()) + "." + People.ascii(id.etternavn()) + "@" + Parts.DOMAIN,
                Parts.mobile(phone), Parts.landline(rng), null);
        o.identifikator("systemId", systemId);

        beginLinks(o, Parts.PERSONALRESSURS, "ansattnummer", ansattnummer, "brukernavn", brukernavn, "systemid", systemId);
        o.link("personalressurskategori", Parts.PERSONALRESSURSKATEGORI, "systemid", kategori);
        Parts.many(o, "arbeidsforhold");
        for (int a = l.jobsByEmployee.first(r), n = a + l.jobsByEmployee.count(r); a < n; a++) {
            o.href(Links.placeholder(Parts.ARBEIDSFORHOLD, "systemid", Layout.arbeidsforholdId(a)));
        }
        o.endArray();
        o.end();
        o.end();
        return systemId;
    }

    /**
     * @param version 0 as in the full sync; another version has a changed position size
     * @param danglingManager write this ansattnummer as personalleder (a documented dangling link), or null
     */
    String arbeidsforhold(int a, int version, JsonOut o, String danglingManager) {
        int r = l.employeeOfJob(a);
        int j = l.jobsByEmployee.position(a);
        boolean teacher = r < l.teachers();
        Rng rng = new Rng(l.seed, JOB, a);
        long prosent = j == 0 ? (rng.percent(80) ? 10000 : 5000 + 1000 * rng.nextInt(4)) : 2000 + 1000 * rng.nextInt(3);
        if (version > 0) {
            prosent = Math.max(1000, prosent - 1000 * (1 + version % 4)); // a changed position size
        }
        long fullTime = teacher ? 560_000 + 1000L * rng.nextInt(220) : 520_000 + 1000L * rng.nextInt(380);
        int start = Parts.YEAR_START - rng.nextInt(20 * 365);
        String systemId = Layout.arbeidsforholdId(a);
        String title = title(r, j);
        int unit = l.unitOfJob(a);

        o.begin();
        o.field("ansettelsesprosent", prosent);
        if (rng.percent(50)) {
            Parts.periode(o, "arbeidsforholdsperiode", start, -1, null, Parts.form(a));
        }
        o.field("arslonn", fullTime * prosent / 10000);
        Parts.periode(o, "gyldighetsperiode", start, -1, null, Parts.form(a));
        o.field("hovedstilling", j == 0);
        o.field("lonnsprosent", prosent);
        o.field("stillingsnummer", Integer.toString(200_000 + a));
        if (a % 20 == 11) {
            o.name("stillingstittel").nul();
        } else {
            o.field("stillingstittel", title);
        }
        o.identifikator("systemId", systemId);
        o.field("tilstedeprosent", prosent);

        beginLinks(o, Parts.ARBEIDSFORHOLD, "systemid", systemId);
        o.link("ansvar", Parts.ANSVAR, "systemid", OrganisationWriter.ansvar(unit));
        o.link("arbeidsforholdstype", Parts.ARBEIDSFORHOLDSTYPE, "systemid", j == 0 ? (rng.percent(88) ? "FAST" : "MIDL") : "VIK");
        String funksjon = !teacher ? "420" : title.equals("Rektor") || title.equals("Avdelingsleder") ? "520" : rng.percent(60) ? "521" : "532";
        o.link("funksjon", Parts.FUNKSJON, "systemid", funksjon);
        o.link("stillingskode", Parts.STILLINGSKODE, "systemid", stillingskode(title));
        o.link("timerPerUke", Parts.UKETIMETALL, "systemid", teacher ? "35.5" : "37.5");
        o.link("arbeidssted", Parts.ORGANISASJONSELEMENT, "organisasjonsid", Layout.organisasjonsId(unit));
        int manager = l.managerOfJob(a);
        if (danglingManager != null) {
            o.link("personalleder", Parts.PERSONALRESSURS, "ansattnummer", danglingManager);
        } else if (manager >= 0) {
            o.link("personalleder", Parts.PERSONALRESSURS, "ansattnummer", Layout.ansattnummer(manager));
        }
        o.end();
        o.end();
        return systemId;
    }

    /** The title of a personalressurs's j-th arbeidsforhold. */
    String title(int r, int j) {
        if (r < l.teachers()) {
            int pos = l.teachersBySchool.position(r);
            if (j == 0 && pos == 0) {
                return "Rektor";
            }
            if (j == 0 && pos <= 3) {
                return "Avdelingsleder";
            }
            return TEACHER_TITLES[(int) ((Rng.hash(l.seed, RESSURS + 1, r) >>> 1) % TEACHER_TITLES.length)];
        }
        int k = r - l.teachers();
        if (j == 0 && k == 0) {
            return "Fylkesdirektør";
        }
        if (j == 0 && k < Layout.FIRST_SCHOOL_UNIT) {
            return "Seksjonssjef";
        }
        return STAFF_TITLES[(int) ((Rng.hash(l.seed, RESSURS + 2, r) >>> 1) % STAFF_TITLES.length)];
    }

    static String stillingskode(String title) {
        return switch (title) {
            case "Rektor" -> "7962";
            case "Avdelingsleder" -> "7963";
            case "Lektor" -> "7954";
            case "Lektor med tilleggsutdanning" -> "7955";
            case "Adjunkt" -> "7957";
            case "Adjunkt med tilleggsutdanning" -> "7958";
            case "Lærer" -> "7956";
            case "Seniorrådgiver" -> "1364";
            case "Konsulent" -> "1065";
            case "Førstekonsulent" -> "1408";
            case "Fylkesdirektør", "Seksjonssjef" -> "1211";
            default -> "1434";
        };
    }
}
