package no.fint.platform.contract.golden;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A golden text compared byte for byte with an actual one. Almost all of a golden file is literal;
 * the few values no hand-written file can know in advance (a timestamp the consumer chose, a random
 * corrId) are written as tokens that match a narrow shape:
 * <ul>
 *   <li>{@code {{ms}}}: epoch milliseconds (1 to 19 digits); {@code {{ms:NAME}}} also remembers them as NAME;</li>
 *   <li>{@code {{var:NAME}}}: exactly the value remembered as NAME by an earlier case;</li>
 *   <li>{@code {{instant}}}: {@code yyyy-MM-ddTHH:mm:ssZ}; {@code {{instantMs}}}: {@code yyyy-MM-ddTHH:mm:ss.SSSZ};</li>
 *   <li>{@code {{uuid}}}: a lower-case UUID; {@code {{uuid:NAME}}} also remembers it (a write's corrId from its
 *   {@code Location}, for its status cases and the adapter's answer).</li>
 * </ul>
 * Everything else must be equal character for character (the bodies are checked to be valid UTF-8
 * first, so equal characters are equal bytes). A mismatch tells the first differing position with
 * context on both sides.
 */
public final class GoldenTemplate {

    private static final Pattern TOKEN = Pattern.compile("\\{\\{(ms|var|instant|instantMs|uuid)(?::([A-Za-z0-9_]+))?}}");

    private record Part(String literal, String token, String name) {
    }

    private final String text;
    private final List<Part> parts = new ArrayList<>();

    public GoldenTemplate(String text) {
        this.text = text;
        Matcher m = TOKEN.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(new Part(text.substring(at, m.start()), null, null));
            }
            if (m.group(1).equals("var") && m.group(2) == null) {
                throw new IllegalArgumentException("{{var}} needs a name: " + text);
            }
            parts.add(new Part(null, m.group(1), m.group(2)));
            at = m.end();
        }
        if (at < text.length()) {
            parts.add(new Part(text.substring(at), null, null));
        }
    }

    /**
     * The template with {@code {{var:NAME}}} replaced (for request lines, headers and bodies, and the
     * adapter's answers, which hold no other tokens).
     */
    public static String substitute(String text, Map<String, String> vars) {
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (!m.group(1).equals("var")) {
                throw new IllegalArgumentException("only {{var:NAME}} may appear in a request: " + text);
            }
            String v = vars.get(m.group(2));
            if (v == null) {
                throw new IllegalStateException("{{var:" + m.group(2) + "}} was not captured by an earlier case");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Compares; on success the captured values are added to {@code vars}. On failure returns the
     * readable report (what was expected, what came, where they part).
     */
    public Optional<String> match(String actual, Map<String, String> vars) {
        Map<String, String> captured = new java.util.HashMap<>();
        int pos = 0;
        StringBuilder expandedSoFar = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            String literal = p.literal;
            if (p.token != null && p.token.equals("var")) {
                literal = vars.get(p.name);
                if (literal == null) {
                    return Optional.of("the golden file names {{var:" + p.name + "}}, which no earlier case captured");
                }
            }
            if (literal != null) {
                int n = Math.min(literal.length(), actual.length() - pos);
                for (int k = 0; k < n; k++) {
                    if (literal.charAt(k) != actual.charAt(pos + k)) {
                        return Optional.of(report(actual, pos + k, expandedSoFar + literal.substring(0, k), literal.substring(k), i));
                    }
                }
                if (n < literal.length()) {
                    return Optional.of(report(actual, pos + n, expandedSoFar + literal.substring(0, n), literal.substring(n), i));
                }
                pos += literal.length();
                expandedSoFar.append(literal);
                continue;
            }
            int end = consume(p.token, actual, pos);
            if (end < 0) {
                return Optional.of(report(actual, pos, expandedSoFar.toString(), "{{" + p.token + "}}" + rest(i + 1), i + 1));
            }
            String value = actual.substring(pos, end);
            if (p.name != null) {
                captured.put(p.name, value);
            }
            expandedSoFar.append(value);
            pos = end;
        }
        if (pos != actual.length()) {
            return Optional.of(report(actual, pos, expandedSoFar.toString(), "", parts.size()));
        }
        vars.putAll(captured);
        return Optional.empty();
    }

    private String rest(int from) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < parts.size(); i++) {
            Part p = parts.get(i);
            b.append(p.literal != null ? p.literal : "{{" + p.token + (p.name == null ? "" : ":" + p.name) + "}}");
        }
        return b.toString();
    }

    /** End of a token's match at {@code pos}, or -1. */
    private static int consume(String token, String s, int pos) {
        switch (token) {
            case "ms": {
                int e = pos;
                while (e < s.length() && e - pos < 19 && Character.isDigit(s.charAt(e))) {
                    e++;
                }
                return e > pos ? e : -1;
            }
            case "instant":
                return shape(s, pos, "dddd-dd-ddTdd:dd:ddZ");
            case "instantMs":
                return shape(s, pos, "dddd-dd-ddTdd:dd:dd.dddZ");
            case "uuid":
                return shape(s, pos, "hhhhhhhh-hhhh-hhhh-hhhh-hhhhhhhhhhhh");
            default:
                return -1;
        }
    }

    /** {@code d} a digit, {@code h} a lower-case hex digit, anything else itself. */
    private static int shape(String s, int pos, String shape) {
        if (s.length() - pos < shape.length()) {
            return -1;
        }
        for (int k = 0; k < shape.length(); k++) {
            char c = s.charAt(pos + k);
            char want = shape.charAt(k);
            boolean ok = switch (want) {
                case 'd' -> c >= '0' && c <= '9';
                case 'h' -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
                default -> c == want;
            };
            if (!ok) {
                return -1;
            }
        }
        return pos + shape.length();
    }

    private String report(String actual, int at, String expectedBefore, String expectedAfter, int partIndex) {
        int from = Math.max(0, at - 80);
        String context = actual.substring(from, at);
        return "first difference at character " + at + " (line " + line(actual, at) + ")\n"
                + "  common    : ..." + context + "\n"
                + "  expected  : " + clip(expectedAfter.isEmpty() && partIndex >= parts.size() ? "<end of body>" : expectedAfter) + "\n"
                + "  actual    : " + clip(at >= actual.length() ? "<end of body>" : actual.substring(at)) + "\n"
                + "--- expected (golden) ---\n" + text + "\n"
                + "--- actual ---\n" + actual + "\n";
    }

    private static int line(String s, int at) {
        int line = 1;
        for (int i = 0; i < at && i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String clip(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
