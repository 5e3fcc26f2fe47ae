package no.fint.platform.demo;

/**
 * The shape of one data set: how many of everything there are and who belongs to whom, as arithmetic
 * over a few per-parent counts (a few ints per school, pupil and employee; never a resource). Every
 * identifier and every cross-reference the writers need comes from here, so a link and its target
 * always agree.
 *
 * <p>Numbering: schools 0..S-1; pupils grouped by school; teachers grouped by school and, as
 * personalressurs, numbered before the other staff; arbeidsforhold grouped by personalressurs, the
 * teachers' ones first, and each teacher's arbeidsforhold {@code a} has undervisningsforhold {@code a};
 * elevforhold grouped by pupil, and each elevforhold {@code f} has klassemedlemskap {@code f}; klasser
 * grouped by school, each with kontaktlærergruppe of the same number.
 */
final class Layout {

    /** Organisasjonselement numbering: the root, its sectors, their sections, then four units per school. */
    static final int ROOT = 0;
    static final int SECTORS = 6;
    static final int SECTIONS_PER_SECTOR = 3;
    static final int FIRST_SECTION = 1 + SECTORS;
    static final int FIRST_SCHOOL_UNIT = FIRST_SECTION + SECTORS * SECTIONS_PER_SECTOR;
    static final int UNITS_PER_SCHOOL = 4; // the school and three departments
    /** Sector that owns the schools ("Opplæring og kompetanse"). */
    static final int EDUCATION_SECTOR = 1;

    static final String[] SECTOR_NAMES = {"Opplæring og kompetanse", "Samferdsel", "Økonomi og styring",
        "Organisasjon og personal", "Tannhelsetjenesten", "Næring og kultur"};
    static final String[] SECTOR_ANSVAR = {"1100", "1200", "1300", "1400", "1500", "1600"};
    static final String[] SECTION_NAMES = {"Seksjon for drift", "Seksjon for utvikling", "Seksjon for forvaltning"};
    static final String[] DEPARTMENT_NAMES = {"Avdeling for realfag", "Avdeling for språk og samfunnsfag",
        "Avdeling for yrkesfag"};

    /** The utdanningsprogram (code, name); the first is offered by every school. */
    static final String[][] PROGRAMS = {
        {"ST", "Studiespesialisering"}, {"ID", "Idrett"}, {"MD", "Musikk, dans og drama"},
        {"KD", "Kunst, design og arkitektur"}, {"MK", "Medier og kommunikasjon"}, {"BA", "Bygg- og anleggsteknikk"},
        {"EL", "Elektro og datateknologi"}, {"HS", "Helse- og oppvekstfag"},
        {"IM", "Informasjonsteknologi og medieproduksjon"}, {"NA", "Naturbruk"}, {"RM", "Restaurant- og matfag"},
        {"SR", "Salg, service og reiseliv"}, {"TP", "Teknologi- og industrifag"},
        {"FD", "Frisør, blomster, interiør og eksponeringsdesign"}, {"HD", "Håndverk, design og produktutvikling"}};
    /** Programområder per utdanningsprogram: Vg1, two Vg2 and one Vg3. */
    static final String[] AREA_SUFFIX = {"VG1", "VG2A", "VG2B", "VG3"};
    static final int[] AREA_TRINN = {0, 1, 1, 2};
    static final int TRINN = 3;

    private static final long OFFERS = 0x4F46_4652L;
    private static final long SIZES = 0x5349_5A45L;

    final long seed;
    final int schools;
    final Fanout pupilsBySchool;
    final Fanout teachersBySchool;
    final int staff;
    final Fanout jobsByEmployee;
    final Fanout classesBySchool;
    final Fanout enrolmentsByPupil;
    final People people;
    private final int[][] offered;

    Layout(long seed, int schools, int pupilsPerSchool) {
        if (schools < 2 || pupilsPerSchool < 30) {
            throw new IllegalArgumentException("a data set needs at least 2 schools of 30 pupils");
        }
        this.seed = seed;
        this.schools = schools;
        // Schools vary from 60 % to 140 % of the mean size; the total is exactly schools * pupilsPerSchool.
        long[] weight = new long[schools];
        long weights = 0;
        for (int s = 0; s < schools; s++) {
            weight[s] = 60 + unsigned(SIZES, s) % 81;
            weights += weight[s];
        }
        int[] size = new int[schools];
        int assigned = 0;
        for (int s = 0; s < schools; s++) {
            size[s] = (int) ((long) pupilsPerSchool * schools * weight[s] / weights);
            assigned += size[s];
        }
        for (int s = 0; assigned < pupilsPerSchool * schools; s = (s + 1) % schools) {
            size[s]++;
            assigned++;
        }
        pupilsBySchool = new Fanout(schools, s -> size[s]);
        // About one teacher per 10.5 pupils, at least one for the school and each department.
        teachersBySchool = new Fanout(schools, s -> Math.max(UNITS_PER_SCHOOL, pupilsBySchool.count(s) * 2 / 21));
        staff = Math.max(10, pupils() / 20);
        int teachers = teachersBySchool.total();
        // One arbeidsforhold each; 22 % of teachers and 8 % of the others have a second one.
        jobsByEmployee = new Fanout(teachers + staff, r -> 1 + (unsigned(SIZES + 1, r) % 100 < (r < teachers ? 22 : 8) ? 1 : 0));
        classesBySchool = new Fanout(schools, s -> Math.max(TRINN, (pupilsBySchool.count(s) + 26) / 27));
        // One elevforhold each; 15 % have two (a second school), 3 % three (also last year's).
        enrolmentsByPupil = new Fanout(pupils(), e -> {
            long h = unsigned(SIZES + 2, e) % 100;
            return h < 3 ? 3 : h < 18 ? 2 : 1;
        });
        people = new People(seed, pupils(), teachers + staff);
        offered = new int[schools][];
        for (int s = 0; s < schools; s++) {
            int n = 0;
            int[] list = new int[PROGRAMS.length];
            for (int p = 0; p < PROGRAMS.length; p++) {
                if (p == 0 || unsigned(OFFERS, (long) s * PROGRAMS.length + p) % 100 < 40) {
                    list[n++] = p;
                }
            }
            offered[s] = java.util.Arrays.copyOf(list, n);
        }
    }

    private long unsigned(long stream, long index) {
        return Rng.hash(seed, stream, index) >>> 1;
    }

    // ---- counts ----

    int pupils() {
        return pupilsBySchool.total();
    }

    int teachers() {
        return teachersBySchool.total();
    }

    int employees() {
        return teachers() + staff;
    }

    int jobs() {
        return jobsByEmployee.total();
    }

    /** Undervisningsforhold: one per arbeidsforhold of a teacher. */
    int teachingJobs() {
        return jobsByEmployee.first(teachers());
    }

    int classes() {
        return classesBySchool.total();
    }

    int enrolments() {
        return enrolmentsByPupil.total();
    }

    int units() {
        return FIRST_SCHOOL_UNIT + UNITS_PER_SCHOOL * schools;
    }

    // ---- schools and programmes ----

    int[] offered(int school) {
        return offered[school];
    }

    boolean offers(int school, int program) {
        for (int p : offered[school]) {
            if (p == program) {
                return true;
            }
        }
        return false;
    }

    int schoolOfPupil(int e) {
        return pupilsBySchool.parent(e);
    }

    /** Trinn 0..2 (Vg1..Vg3) from the birth year: born 2009 Vg1, 2008 Vg2, 2007 and 2006 Vg3. */
    int trinnOfPupil(int e) {
        int year = java.time.LocalDate.ofEpochDay(people.identity(e).birthDay()).getYear();
        return Math.max(0, Math.min(2, 2009 - year));
    }

    // ---- elevforhold ----

    int pupilOfEnrolment(int f) {
        return enrolmentsByPupil.parent(f);
    }

    /** 0: this year's at the home school; 1: this year's at another school; 2: last year's at the home school. */
    int kindOfEnrolment(int f) {
        return enrolmentsByPupil.position(f);
    }

    /** The school of an elevforhold; a changed version ({@code version > 0}) has moved to another school. */
    int schoolOfEnrolment(int f, int version) {
        int home = schoolOfPupil(pupilOfEnrolment(f));
        int shift = (kindOfEnrolment(f) == 1 ? 1 : 0) + version;
        return (home + shift) % schools;
    }

    /** The klasse of klassemedlemskap {@code f} (of elevforhold {@code f}): one of the pupil's trinn at that school. */
    int classOfMembership(int f, int version) {
        int s = schoolOfEnrolment(f, 0);
        int trinn = trinnOfPupil(pupilOfEnrolment(f));
        int n = classesBySchool.count(s);
        int groups = (n - trinn + TRINN - 1) / TRINN; // classes k with k % 3 == trinn
        int g = (int) ((Rng.hash(seed, 0x4B4C_4153L, f) >>> 1) % groups);
        if (version > 0 && groups > 1) {
            g = (g + 1 + (version - 1) % (groups - 1)) % groups; // moved to another class, never the same
        }
        return classesBySchool.first(s) + trinn + TRINN * g;
    }

    // ---- klasser ----

    int schoolOfClass(int c) {
        return classesBySchool.parent(c);
    }

    int trinnOfClass(int c) {
        return classesBySchool.position(c) % TRINN;
    }

    int programOfClass(int c) {
        int[] o = offered[schoolOfClass(c)];
        return o[(classesBySchool.position(c) / TRINN) % o.length];
    }

    String className(int c) {
        int group = classesBySchool.position(c) / TRINN;
        return (trinnOfClass(c) + 1) + PROGRAMS[programOfClass(c)][0] + (char) ('A' + group % 26)
                + (group >= 26 ? String.valueOf(group / 26) : "");
    }

    /** The i-th of a klasse's teachers, as an undervisningsforhold at the klasse's school. */
    int teachingJobOfClass(int c, int i) {
        int s = schoolOfClass(c);
        int t = teachersBySchool.first(s) + (classesBySchool.position(c) * 3 + i) % teachersBySchool.count(s);
        return jobsByEmployee.first(t); // a teacher's first arbeidsforhold is at the home school
    }

    // ---- teachers and arbeidsforhold ----

    int schoolOfTeacher(int t) {
        return teachersBySchool.parent(t);
    }

    int employeeOfJob(int a) {
        return jobsByEmployee.parent(a);
    }

    /** The school of a teacher's arbeidsforhold (and of its undervisningsforhold). */
    int schoolOfTeachingJob(int a) {
        int t = employeeOfJob(a);
        return (schoolOfTeacher(t) + jobsByEmployee.position(a)) % schools;
    }

    /** The organisasjonselement an arbeidsforhold belongs to (its arbeidssted). */
    int unitOfJob(int a) {
        int r = employeeOfJob(a);
        int j = jobsByEmployee.position(a);
        if (r < teachers()) {
            int s = schoolOfTeachingJob(a);
            int pos = teachersBySchool.position(r);
            if (j == 0 && pos == 0) {
                return schoolUnit(s); // the rektor
            }
            if (j == 0 && pos <= 3) {
                return schoolUnit(s) + pos; // a department head
            }
            return schoolUnit(s) + 1 + r % 3;
        }
        int k = r - teachers();
        if (j == 0 && k < FIRST_SCHOOL_UNIT) {
            return k; // leads (or works in) that unit
        }
        return FIRST_SECTION + (k + 5 * j) % (SECTORS * SECTIONS_PER_SECTOR);
    }

    /** The personalleder of an arbeidsforhold: its unit's leader, or the parent unit's when that is the employee. -1: none. */
    int managerOfJob(int a) {
        int r = employeeOfJob(a);
        int unit = unitOfJob(a);
        for (int i = 0; i < 3; i++) {
            int leader = leaderOf(unit);
            if (leader != r) {
                return leader;
            }
            unit = parentUnit(unit);
        }
        return -1;
    }

    // ---- organisasjonselement ----

    int schoolUnit(int s) {
        return FIRST_SCHOOL_UNIT + UNITS_PER_SCHOOL * s;
    }

    /** Schools' units come last: the school of a unit, or -1. */
    int schoolOfUnit(int unit) {
        return unit < FIRST_SCHOOL_UNIT ? -1 : (unit - FIRST_SCHOOL_UNIT) / UNITS_PER_SCHOOL;
    }

    int parentUnit(int unit) {
        if (unit == ROOT) {
            return ROOT; // FINT's convention: the top unit is its own overordnet
        }
        if (unit <= SECTORS) {
            return ROOT;
        }
        if (unit < FIRST_SCHOOL_UNIT) {
            return 1 + (unit - FIRST_SECTION) / SECTIONS_PER_SECTOR;
        }
        int s = schoolOfUnit(unit);
        return unit == schoolUnit(s) ? EDUCATION_SECTOR : schoolUnit(s);
    }

    /** The personalressurs leading a unit: a teacher for school units, one of the other staff elsewhere. */
    int leaderOf(int unit) {
        int s = schoolOfUnit(unit);
        if (s < 0) {
            return teachers() + unit % staff;
        }
        int first = teachersBySchool.first(s);
        int pos = unit - schoolUnit(s);
        return pos < teachersBySchool.count(s) ? first + pos : first;
    }

    // ---- identifiers ----

    static String elevId(int e) {
        return Integer.toString(10_000_000 + e);
    }

    static String elevnummer(int e) {
        return Integer.toString(500_000 + e);
    }

    static String elevforholdId(int f) {
        return Integer.toString(20_000_000 + f);
    }

    static String klassemedlemskapId(int f) {
        return Integer.toString(30_000_000 + f);
    }

    static String klasseId(int c) {
        return Integer.toString(40_000_000 + c);
    }

    static String kontaktlarergruppeId(int c) {
        return Integer.toString(41_000_000 + c);
    }

    static String skoleressursId(int t) {
        return Integer.toString(50_000_000 + t);
    }

    static String undervisningsforholdId(int a) {
        return Integer.toString(51_000_000 + a);
    }

    static String personalressursId(int r) {
        return Integer.toString(60_000_000 + r);
    }

    static String ansattnummer(int r) {
        return Integer.toString(100_000 + r);
    }

    static String arbeidsforholdId(int a) {
        return Integer.toString(61_000_000 + a);
    }

    static String skoleId(int s) {
        return Integer.toString(70_000 + s);
    }

    static String skolenummer(int s) {
        return Integer.toString(10_000 + s * 10);
    }

    static String organisasjonsId(int unit) {
        return Integer.toString(1_000 + unit);
    }

    static String programId(int p) {
        return PROGRAMS[p][0];
    }

    static String areaId(int area) {
        return PROGRAMS[area / AREA_SUFFIX.length][0] + "-" + AREA_SUFFIX[area % AREA_SUFFIX.length];
    }

    static String trinnId(int trinn) {
        return "VG" + (trinn + 1);
    }

    String organisasjonsKode(int unit) {
        if (unit == ROOT) {
            return "FK";
        }
        if (unit <= SECTORS) {
            return "S" + unit;
        }
        if (unit < FIRST_SCHOOL_UNIT) {
            int k = unit - FIRST_SECTION;
            return "S" + (1 + k / SECTIONS_PER_SECTOR) + "-" + (1 + k % SECTIONS_PER_SECTOR);
        }
        int s = schoolOfUnit(unit);
        int pos = unit - schoolUnit(s);
        return "VGS" + skolenummer(s) + (pos == 0 ? "" : "-A" + pos);
    }

    /** A valid organisasjonsnummer (9 digits, mod-11) for a school, or for the county itself ({@code s = -1}). */
    static String organisasjonsnummer(int s) {
        int base = 97_400_000 + (s + 1) * 10; // eight digits; the last may step once past a remainder of 10
        for (int j = 0; j < 10; j++) {
            int b = base + j;
            int[] w = {3, 2, 7, 6, 5, 4, 3, 2};
            int sum = 0;
            int x = b;
            for (int i = 7; i >= 0; i--) {
                sum += (x % 10) * w[i];
                x /= 10;
            }
            int k = 11 - sum % 11;
            if (k == 11) {
                k = 0;
            }
            if (k != 10) {
                return Integer.toString(b) + k;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    String schoolName(int s) {
        String place = Norway.SCHOOL_PLACES[s % Norway.SCHOOL_PLACES.length];
        int round = s / Norway.SCHOOL_PLACES.length;
        return place + (round == 0 ? "" : " " + (round + 1)) + " videregående skole";
    }
}
