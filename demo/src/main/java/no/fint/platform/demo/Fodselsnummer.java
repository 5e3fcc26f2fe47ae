package no.fint.platform.demo;

import java.time.LocalDate;

/**
 * Synthetic Norwegian national identity numbers (fødselsnummer): DDMMYY, a three-digit individnummer
 * and two mod-11 check digits. The month has 80 added (the convention for synthetic test persons), so
 * a generated number can never be a real person's.
 *
 * <p>Why {@link #individ} always finds a valid number: within one decade of individnummer (the first two
 * digits fixed) the weighted sum for the first check digit moves by 2 per step of the last digit and
 * the one for the second check digit by -1 (mod 11), so among three consecutive last digits each check
 * digit is impossible (remainder 10) for at most one of them: at least one of the three is valid.
 */
public final class Fodselsnummer {

    private static final int[] W1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] W2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    /** Slots per birth date: 50 decades times 3 blocks of 3. */
    static final int SLOTS_PER_DAY = 150;

    private Fodselsnummer() {
    }

    /**
     * The number for a birth date and a slot in [0, 150): distinct slots give distinct numbers.
     * Births before 2000 use individnummer 000-499, births from 2000 use 500-999 (Skatteetaten's rule).
     */
    static String of(LocalDate birth, int slot) {
        if (slot < 0 || slot >= SLOTS_PER_DAY) {
            throw new IllegalArgumentException("slot " + slot);
        }
        int decade = (birth.getYear() >= 2000 ? 50 : 0) + slot % 50;
        int base = decade * 10 + 3 * (slot / 50);
        for (int j = 0; j < 3; j++) {
            String f = withCheckDigits(birth, base + j);
            if (f != null) {
                return f;
            }
        }
        throw new IllegalStateException("no valid individnummer in block " + base); // impossible, see class comment
    }

    /** The full number for a date and individnummer, or null when a check digit would be 10. */
    static String withCheckDigits(LocalDate birth, int individ) {
        int[] d = new int[11];
        int dd = birth.getDayOfMonth();
        int mm = birth.getMonthValue() + 80;
        int yy = birth.getYear() % 100;
        d[0] = dd / 10;
        d[1] = dd % 10;
        d[2] = mm / 10;
        d[3] = mm % 10;
        d[4] = yy / 10;
        d[5] = yy % 10;
        d[6] = individ / 100;
        d[7] = individ / 10 % 10;
        d[8] = individ % 10;
        int k1 = check(d, W1);
        if (k1 == 10) {
            return null;
        }
        d[9] = k1;
        int k2 = check(d, W2);
        if (k2 == 10) {
            return null;
        }
        d[10] = k2;
        char[] c = new char[11];
        for (int i = 0; i < 11; i++) {
            c[i] = (char) ('0' + d[i]);
        }
        return new String(c);
    }

    private static int check(int[] digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += digits[i] * weights[i];
        }
        int k = 11 - sum % 11;
        return k == 11 ? 0 : k;
    }

    /** True for 11 digits with both check digits right. */
    public static boolean validCheckDigits(String f) {
        if (f == null || f.length() != 11 || !f.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int[] d = new int[11];
        for (int i = 0; i < 11; i++) {
            d[i] = f.charAt(i) - '0';
        }
        return check(d, W1) == d[9] && check(d, W2) == d[10];
    }

    /** The birth date a synthetic number encodes (month minus 80, century from the individnummer). */
    static LocalDate birthDate(String f) {
        int dd = Integer.parseInt(f.substring(0, 2));
        int mm = Integer.parseInt(f.substring(2, 4)) - 80;
        int yy = Integer.parseInt(f.substring(4, 6));
        int individ = Integer.parseInt(f.substring(6, 9));
        int century = individ >= 500 && yy < 40 ? 2000 : 1900;
        return LocalDate.of(century + yy, mm, dd);
    }
}
