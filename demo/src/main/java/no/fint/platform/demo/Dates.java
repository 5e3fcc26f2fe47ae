package no.fint.platform.demo;

import java.time.LocalDate;

/**
 * Dates as adapters send them. Most are ISO-8601 instants in UTC ({@code 2025-08-15T00:00:00Z});
 * some are epoch milliseconds (a default Jackson mapper writes {@code java.util.Date} so) and some
 * Norwegian local midnight with milliseconds and offset ({@code 2025-08-15T00:00:00.000+02:00}), so
 * the provider's normalisation is exercised by every data set.
 */
final class Dates {

    /** How a date is written. */
    enum Form { ISO_UTC, EPOCH_MS, ISO_OFFSET }

    private static final long DAY_MS = 86_400_000L;

    private Dates() {
    }

    static int day(int year, int month, int dayOfMonth) {
        return (int) LocalDate.of(year, month, dayOfMonth).toEpochDay();
    }

    /** {@code "name":<date>} in the given form. */
    static void write(JsonOut out, String name, int epochDay, Form form) {
        out.name(name);
        switch (form) {
            case EPOCH_MS -> out.num(epochDay * DAY_MS);
            case ISO_OFFSET -> out.str(isoOffset(epochDay));
            default -> out.str(isoUtc(epochDay));
        }
    }

    static String isoUtc(int epochDay) {
        StringBuilder sb = new StringBuilder(20);
        appendDate(sb, LocalDate.ofEpochDay(epochDay));
        return sb.append("T00:00:00Z").toString();
    }

    /** Midnight in Norway: +02:00 in summer time (April to October, near enough for demo data), +01:00 otherwise. */
    static String isoOffset(int epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        StringBuilder sb = new StringBuilder(29);
        appendDate(sb, d);
        boolean summer = d.getMonthValue() >= 4 && d.getMonthValue() <= 10;
        return sb.append(summer ? "T00:00:00.000+02:00" : "T00:00:00.000+01:00").toString();
    }

    private static void appendDate(StringBuilder sb, LocalDate d) {
        sb.append(d.getYear()).append('-');
        two(sb, d.getMonthValue());
        sb.append('-');
        two(sb, d.getDayOfMonth());
    }

    static void two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        sb.append(v);
    }
}
