package no.fint.platform.canonical.check;

import no.fint.platform.canonical.Violation;

import java.util.List;

/**
 * Rule: text that becomes part of a Kafka key (identifiers and identifier values, corrIds, adapter
 * ids, and hrefs, which the relations service's edge keys hold) holds no unpaired UTF-16 surrogate. JSON lets one through as an escape ("qa" + U+D800), but
 * UTF-8 cannot encode it: Kafka's string serialiser writes {@code ?} instead, so the record would
 * land on, and overwrite or delete, the one of {@code "qa?"}. A surrogate pair (an emoji) is a character like any other.
 */
public final class SurrogateCheck {

    private SurrogateCheck() {
    }

    /** Why {@code text} cannot be part of a key, or null when it can (and for null). */
    public static String check(CharSequence text) {
        int at = text == null ? -1 : unpaired(text, 0, text.length());
        return at < 0 ? null : String.format("contains an unpaired UTF-16 surrogate (\\u%04X at index %d), which UTF-8 cannot encode",
                (int) text.charAt(at), at);
    }

    /** Adds a violation of {@code field} to {@code out} when {@code text} cannot be part of a key. */
    public static void report(List<Violation> out, String field, String text) {
        String why = check(text);
        if (why != null) {
            out.add(new Violation(field, why));
        }
    }

    /** The index of the first unpaired surrogate in {@code text[from, to)}, or -1. */
    private static int unpaired(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /** True when {@code text[offset, offset + length)} (a parser's characters, no String made) has no unpaired surrogate. */
    public static boolean wellFormed(char[] text, int offset, int length) {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            char c = text[i];
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text[i + 1])) {
                    i++;
                } else {
                    return false;
                }
            }
        }
        return true;
    }
}
