package no.fint.platform.demo;

import java.time.LocalDate;

/**
 * The persons of a data set, numbered 0..n-1: pupils first (born 2006-2009), then employees (born
 * 1958-1999). Everything about person {@code p} is computed from (seed, p), so the elev, the person and
 * the skoleressurs that refer to the same person agree without any of them being stored.
 */
final class People {

    private static final long STREAM = 0x5045_5253_4F4EL; // "PERSON"
    private static final int PUPIL_FIRST_DAY = Dates.day(2006, 1, 1);
    private static final int PUPIL_DAYS = Dates.day(2010, 1, 1) - PUPIL_FIRST_DAY;
    private static final int EMPLOYEE_FIRST_DAY = Dates.day(1958, 1, 1);
    private static final int EMPLOYEE_DAYS = Dates.day(2000, 1, 1) - EMPLOYEE_FIRST_DAY;

    /** A person's identity: what the fødselsnummer, the name and the sex must agree on. */
    record Identity(String fodselsnummer, int birthDay, boolean male, String fornavn, String mellomnavn, String etternavn) {
    }

    private final long seed;
    private final int pupils;
    private final int employees;
    private final long pupilStride;
    private final long employeeStride;

    People(long seed, int pupils, int employees) {
        if ((long) pupils > (long) PUPIL_DAYS * Fodselsnummer.SLOTS_PER_DAY
                || (long) employees > (long) EMPLOYEE_DAYS * Fodselsnummer.SLOTS_PER_DAY) {
            throw new IllegalArgumentException("too many persons for distinct fødselsnummer");
        }
        this.seed = seed;
        this.pupils = pupils;
        this.employees = employees;
        this.pupilStride = coprimeStride(PUPIL_DAYS, seed);
        this.employeeStride = coprimeStride(EMPLOYEE_DAYS, seed ^ 0x1234);
    }

    int count() {
        return pupils + employees;
    }

    int pupils() {
        return pupils;
    }

    /** Person number of employee (personalressurs) {@code r}. */
    int employee(int r) {
        return pupils + r;
    }

    Identity identity(int p) {
        boolean pupil = p < pupils;
        int q = pupil ? p : p - pupils;
        int days = pupil ? PUPIL_DAYS : EMPLOYEE_DAYS;
        long stride = pupil ? pupilStride : employeeStride;
        // Within each run of `days` consecutive persons the birth dates are a permutation of the days,
        // and the run number is the slot: (date, slot) pairs, hence numbers, are distinct.
        int day = (pupil ? PUPIL_FIRST_DAY : EMPLOYEE_FIRST_DAY) + (int) ((q % days) * stride % days);
        int slot = q / days;
        String fnr = Fodselsnummer.of(LocalDate.ofEpochDay(day), slot);
        boolean male = (fnr.charAt(8) - '0') % 2 == 1;
        Rng rng = new Rng(seed, STREAM, p);
        String fornavn = rng.pick(male ? Norway.MALE : Norway.FEMALE);
        if (rng.percent(12)) {
            fornavn = fornavn + "-" + rng.pick(male ? Norway.MALE : Norway.FEMALE);
        }
        String mellomnavn = rng.percent(15) ? rng.pick(Norway.SURNAMES) : null;
        String etternavn = rng.pick(Norway.SURNAMES);
        return new Identity(fnr, day, male, fornavn, mellomnavn, etternavn);
    }

    /** A deterministic stride coprime with {@code days}, so {@code i * stride % days} permutes the days. */
    private static long coprimeStride(int days, long seed) {
        long s = 7919 + Math.floorMod(Rng.mix(seed), days);
        while (gcd(s, days) != 1) {
            s++;
        }
        return s;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** Lower-case ASCII: æ, ø, å folded, everything but letters dropped. */
    static String ascii(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            switch (c) {
                case 'æ' -> sb.append("ae");
                case 'ø' -> sb.append('o');
                case 'å' -> sb.append('a');
                default -> {
                    if (c >= 'a' && c <= 'z') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
