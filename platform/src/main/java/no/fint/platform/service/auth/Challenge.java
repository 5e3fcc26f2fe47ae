package no.fint.platform.service.auth;

/**
 * The {@code WWW-Authenticate} header of a 401 (RFC 6750): {@code Bearer realm="..."}, with
 * {@code error="invalid_token"} and a description when a token was sent but is not valid.
 */
public final class Challenge {

    public static final String HEADER = "WWW-Authenticate";

    private Challenge() {
    }

    public static String of(String realm, Outcome outcome) {
        StringBuilder b = new StringBuilder("Bearer realm=\"").append(quotable(realm)).append('"');
        if (outcome instanceof Outcome.Invalid invalid) {
            b.append(", error=\"invalid_token\", error_description=\"").append(quotable(invalid.reason())).append('"');
        }
        return b.toString();
    }

    /** RFC 6750 allows %x20-21 / %x23-5B / %x5D-7E in the description: no quote, backslash or control characters. */
    static String quotable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' ? c : '\'');
        }
        return b.toString();
    }
}
