package no.fint.platform.canonical.check;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Rule: a {@code date} attribute is epoch milliseconds (a JSON integer) or an ISO-8601 string
 * ({@code 2019-08-01}, {@code 2019-08-01T10:15}, {@code 2019-08-01T10:15:30}, with or without a
 * fraction, with {@code Z}, an offset {@code +02:00}/{@code +0200}/{@code +02} or none, which means
 * UTC as Jackson's {@code StdDateFormat} read it for v1).
 *
 * <p>Canonical form, as v1 wrote every {@code java.util.Date}: {@code yyyy-MM-dd'T'HH:mm:ss'Z'} in
 * UTC, milliseconds dropped (truncated, not rounded; epoch ms before 1970 round down as
 * {@code java.util.Date} does). Years outside 0000..9999 are refused. Hand-written parsing: this runs
 * for every date of every resource.
 */
public final class DateCheck {

    public static final String TYPE = "date";

    private static final long MIN_SECOND = -62167219200L;  // 0000-01-01T00:00:00Z
    private static final long MAX_SECOND = 253402300799L;  // 9999-12-31T23:59:59Z

    private DateCheck() {
    }

    /** The canonical text of {@code value}, or null when it is not a date. */
    public static String canonical(JsonNode value) {
        long second;
        if (value.isIntegralNumber()) {
            if (!value.canConvertToLong()) {
                return null;
            }
            second = Math.floorDiv(value.longValue(), 1000L);
        } else if (value.isTextual()) {
            String s = value.textValue();
            if (isCanonical(s)) {
                return s;
            }
            second = parse(s);
            if (second == Long.MIN_VALUE) {
                return null;
            }
        } else {
            return null;
        }
        return second < MIN_SECOND || second > MAX_SECOND ? null : format(second);
    }

    /** The canonical text of an ISO-8601 string, or null (streaming: no tree node at hand). */
    public static String canonical(String text) {
        if (isCanonical(text)) {
            return text;
        }
        long second = parse(text);
        return second == Long.MIN_VALUE || second < MIN_SECOND || second > MAX_SECOND ? null : format(second);
    }

    /** The canonical text of epoch milliseconds, or null when out of range. */
    public static String canonical(long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000L);
        return second < MIN_SECOND || second > MAX_SECOND ? null : format(second);
    }

    public static String reason(JsonNode value) {
        if (value.isIntegralNumber()) {
            return "epoch milliseconds out of range (years 0000..9999)";
        }
        if (value.isTextual()) {
            return "expected an ISO-8601 date such as 2019-08-01T00:00:00Z, got " + Describe.node(value);
        }
        return "expected a date (ISO-8601 string or epoch milliseconds), got " + Describe.node(value);
    }

    /** Epoch second of an ISO-8601 text, or Long.MIN_VALUE when it is not one. */
    static long parse(String s) {
        int n = s.length();
        if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return Long.MIN_VALUE;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
            return Long.MIN_VALUE;
        }
        int hour = 0;
        int minute = 0;
        int second = 0;
        int i = 10;
        if (i < n && (s.charAt(i) == 'T' || s.charAt(i) == 't' || s.charAt(i) == ' ')) {
            if (n < i + 6 || s.charAt(i + 3) != ':') {
                return Long.MIN_VALUE;
            }
            hour = digits(s, i + 1, 2);
            minute = digits(s, i + 4, 2);
            i += 6;
            if (i < n && s.charAt(i) == ':') {
                if (n < i + 3) {
                    return Long.MIN_VALUE;
                }
                second = digits(s, i + 1, 2);
                i += 3;
                if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                    int start = ++i;
                    while (i < n && isDigit(s.charAt(i))) {
                        i++;
                    }
                    if (i == start || i - start > 9) {
                        return Long.MIN_VALUE;
                    }
                }
            }
            if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
                return Long.MIN_VALUE;
            }
        }
        int offsetSeconds = 0;
        if (i < n) {
            char c = s.charAt(i);
            if ((c == 'Z' || c == 'z') && i + 1 == n) {
                i++;
            } else if (c == '+' || c == '-') {
                int sign = c == '+' ? 1 : -1;
                int rest = n - i - 1;
                int oh;
                int om = 0;
                if (rest == 2) {
                    oh = digits(s, i + 1, 2);
                } else if (rest == 4) {
                    oh = digits(s, i + 1, 2);
                    om = digits(s, i + 3, 2);
                } else if (rest == 5 && s.charAt(i + 3) == ':') {
                    oh = digits(s, i + 1, 2);
                    om = digits(s, i + 4, 2);
                } else {
                    return Long.MIN_VALUE;
                }
                if (oh < 0 || oh > 18 || om < 0 || om > 59) {
                    return Long.MIN_VALUE;
                }
                offsetSeconds = sign * (oh * 3600 + om * 60);
                i = n;
            } else {
                return Long.MIN_VALUE;
            }
        }
        if (i != n) {
            return Long.MIN_VALUE;
        }
        return epochDay(year, month, day) * 86400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    }

    /** Already {@code yyyy-MM-ddTHH:mm:ssZ} with valid fields: kept as it is, nothing to compute. */
    static boolean isCanonical(String s) {
        if (s.length() != 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(19) != 'Z') {
            return false;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month)
                && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;
    }

    /** {@code yyyy-MM-ddTHH:mm:ssZ} of an epoch second within years 0..9999. */
    static String format(long epochSecond) {
        long days = Math.floorDiv(epochSecond, 86400L);
        int secs = (int) Math.floorMod(epochSecond, 86400L);
        // civil-from-days (Howard Hinnant's algorithm)
        long z = days + 719468;
        long era = Math.floorDiv(z, 146097);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));
        char[] c = new char[20];
        put(c, 0, year, 4);
        c[4] = '-';
        put(c, 5, month, 2);
        c[7] = '-';
        put(c, 8, day, 2);
        c[10] = 'T';
        put(c, 11, secs / 3600, 2);
        c[13] = ':';
        put(c, 14, (secs / 60) % 60, 2);
        c[16] = ':';
        put(c, 17, secs % 60, 2);
        c[19] = 'Z';
        return new String(c);
    }

    private static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static void put(char[] c, int at, int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            c[at + i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The non-negative number of {@code count} digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        if (from + count > s.length()) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char ch = s.charAt(i);
            if (!isDigit(ch)) {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
