package no.fint.platform.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which of the two media types a v1 resource endpoint produces ({@code application/hal+json} first,
 * {@code application/json;charset=UTF-8} second) answers a request's Accept header, the way Spring 4.3
 * chose: each compatible pair narrowed to the producible type, sorted by quality, ties in Accept order. No Accept header
 * or {@code *}{@code /*} gives HAL. (An Accept header that matches neither is answered 406 by JAX-RS
 * before this is asked, as v1 did; here it would give HAL.)
 */
public final class MediaNegotiation {

    public static final String HAL = "application/hal+json;charset=UTF-8";
    public static final String JSON = "application/json;charset=UTF-8";

    private MediaNegotiation() {
    }

    /**
     * The media type without parameters ({@code application/hal+json} or {@code application/json}) for
     * an Accept header, or null when it accepts neither (then the answer is 406).
     */
    public static String chooseOrNull(String accept) {
        if (accept == null || accept.isBlank() || accept.equals("*/*")) {
            return "application/hal+json";
        }
        String chosen = choose(accept, null);
        return chosen == null ? null : JSON.equals(chosen) ? "application/json" : "application/hal+json";
    }

    /** {@link #HAL} or {@link #JSON} for the given Accept header (null allowed). */
    public static String choose(String accept) {
        return choose(accept, HAL);
    }

    private static String choose(String accept, String neither) {
        if (accept == null || accept.isBlank() || accept.equals("*/*")) {
            return HAL;
        }
        record Candidate(boolean json, double q, int order) {
        }
        List<Candidate> candidates = new ArrayList<>();
        int order = 0;
        for (String part : accept.split(",")) {
            String[] params = part.split(";");
            String range = params[0].strip().toLowerCase(Locale.ROOT);
            double q = 1.0;
            for (int i = 1; i < params.length; i++) {
                String p = params[i].strip();
                if (p.toLowerCase(Locale.ROOT).startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2).strip());
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (q <= 0) {
                continue;
            }
            int slash = range.indexOf('/');
            if (slash < 0) {
                continue;
            }
            String type = range.substring(0, slash);
            String sub = range.substring(slash + 1);
            boolean anyType = type.equals("*");
            boolean anySub = sub.equals("*");
            if (anyType || type.equals("application")) {
                if (anySub || sub.equals("hal+json")) {
                    candidates.add(new Candidate(false, q, order++));
                }
                if (anySub || sub.equals("json")) {
                    candidates.add(new Candidate(true, q, order++));
                }
            }
        }
        if (candidates.isEmpty()) {
            return neither;
        }
        // Spring narrows each compatible pair to the producible (concrete) type, keeping the accept
        // range's quality; among concrete types only quality and then Accept order decide.
        candidates.sort((a, b) -> {
            int c = Double.compare(b.q, a.q);
            return c != 0 ? c : Integer.compare(a.order, b.order);
        });
        return candidates.get(0).json ? JSON : HAL;
    }
}
