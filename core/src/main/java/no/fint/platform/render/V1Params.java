package no.fint.platform.render;

/**
 * Query parameters converted as Spring 4.3 converted {@code @RequestParam(defaultValue = "0") int/long}:
 * absent or empty gives the default, all whitespace is removed, hex ({@code 0x1F}, {@code #1F}) is
 * decoded, anything else that does not fit is a type mismatch (400, never 500).
 */
public final class V1Params {

    private V1Params() {
    }

    /** A parameter that did not convert; {@link #getMessage()} is Spring's message. */
    public static final class Mismatch extends Exception {
        public Mismatch(String message) {
            super(message);
        }
    }

    public static int intParam(String raw) throws Mismatch {
        return (int) parse(raw, "int", Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    public static long longParam(String raw) throws Mismatch {
        return parse(raw, "long", Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * A {@code boolean} as Spring's {@code StringToBooleanConverter} read it (v1's {@code validate}):
     * trimmed, any case; true, on, yes, 1 and false, off, no, 0; absent or empty is false.
     */
    public static boolean booleanParam(String raw) throws Mismatch {
        if (raw == null || raw.trim().isEmpty()) {
            return false;
        }
        switch (raw.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "on", "yes", "1" -> {
                return true;
            }
            case "false", "off", "no", "0" -> {
                return false;
            }
            default -> throw new Mismatch("Failed to convert value of type 'java.lang.String' to required type 'boolean'; nested exception is "
                    + "java.lang.IllegalArgumentException: Invalid boolean value '" + raw.trim() + "'");
        }
    }

    private static long parse(String raw, String type, long min, long max) throws Mismatch {
        if (raw == null || raw.isEmpty()) {
            return 0;
        }
        StringBuilder t = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!Character.isWhitespace(c)) {
                t.append(c);
            }
        }
        String s = t.toString();
        boolean negative = s.startsWith("-");
        String unsigned = negative || s.startsWith("+") ? s.substring(1) : s;
        int radix = 10;
        String digits = s;
        if (unsigned.startsWith("0x") || unsigned.startsWith("0X") || unsigned.startsWith("#")) {
            radix = 16;
            digits = unsigned.substring(unsigned.startsWith("#") ? 1 : 2);
            if (digits.startsWith("-") || digits.startsWith("+")) {
                throw mismatch(type, "Sign character in wrong position");
            }
            digits = (negative ? "-" : "") + digits;
        }
        try {
            long v = Long.parseLong(digits, radix);
            if (v < min || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw mismatch(type, "For input string: \"" + (radix == 16 ? digits.replace("-", "") : s) + "\"");
        }
    }

    private static Mismatch mismatch(String type, String nfeMessage) {
        return new Mismatch("Failed to convert value of type 'java.lang.String' to required type '" + type
                + "'; nested exception is java.lang.NumberFormatException: " + nfeMessage);
    }
}
