package no.fint.platform.canonical.check;

import no.fint.platform.model.Component;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ModelClass;
import no.fint.platform.model.Relation;
import no.fint.platform.model.ResourceType;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rule: every href can be resolved, and is stored in one of two canonical forms (the consumer
 * prefixes a path with its base URL):
 * <ul>
 *   <li>a <b>path</b> {@code /{domain}/{package}/{resource}/{idfield}/{value}}, from a placeholder
 *   {@code ${utdanning.elev.elev}/systemid/123} (type known to the model; package-less felles classes
 *   take the path under the linking resource's own component), from an absolute path of a known
 *   resource {@code /utdanning/elev/elev/systemid/123}, or from a path relative to the relation's
 *   target {@code systemid/123}; the identifier field must be one of the target class's identifiers
 *   (any case, kept as given), the value is kept raw;</li>
 *   <li>an absolute <b>https URL</b>, kept as given ({@code http://} upgraded to {@code https://}).</li>
 * </ul>
 * Anything else is refused.
 */
public final class HrefCheck {

    private final InformationModel model;
    private final boolean urlsToPaths;
    private final ConcurrentHashMap<Component, Context> contexts = new ConcurrentHashMap<>();

    public HrefCheck(InformationModel model) {
        this(model, false);
    }

    /**
     * @param urlsToPaths true for links a client sends (consumer API writes): an absolute URL whose path
     *                    names a known resource by one of its identifiers ({@code https://any.host/utdanning/elev/elev/systemid/1})
     *                    becomes that path, as the client's own consumer writes its links with its base
     *                    URL; other URLs stay as given
     */
    public HrefCheck(InformationModel model, boolean urlsToPaths) {
        this.model = model;
        this.urlsToPaths = urlsToPaths;
    }

    /** The canonical href, or null when it cannot be resolved (see {@link #reason}). */
    public String canonical(String href, Relation relation, Component context) {
        return in(context).canonical(href, relation);
    }

    /** Why {@link #canonical} refused {@code href}. */
    public String reason(String href, Relation relation, Component context) {
        return in(context).reason(href, relation);
    }

    /** The check as seen from resources of one component (caches the placeholder targets it resolves). */
    public Context in(Component context) {
        Context c = contexts.get(context);
        return c != null ? c : contexts.computeIfAbsent(context, Context::new);
    }

    /** Hrefs of resources served under one component. */
    public final class Context {
        private final Component component;
        private final ConcurrentHashMap<String, Optional<Target>> placeholders = new ConcurrentHashMap<>();
        private final ConcurrentHashMap<String, Optional<Target>> relationTargets = new ConcurrentHashMap<>();
        /** Canonical starts of placeholder hrefs, by {@code ${type}/idfield/} as given (see the char[] {@link #canonical}). */
        private final Prefix[] prefixes = new Prefix[1024];

        private Context(Component component) {
            this.component = component;
        }

        /** The canonical href, or null when it cannot be resolved (see {@link #reason}). */
        public String canonical(String href, Relation relation) {
            return resolve(href, relation, this, null);
        }

        /**
         * {@link #canonical} of an href held as characters (a parser's buffer), quicker for the form
         * adapters send nearly always, {@code ${type}/idfield/value}: the canonical start of each
         * {@code ${type}/idfield/} is remembered, so such an href costs a lookup and one string. Any
         * other form, and any href this path cannot accept, goes to {@link #canonical}, which decides.
         */
        public String canonical(char[] text, int offset, int length, Relation relation) {
            int end = offset + length;
            int close = -1;
            int fieldEnd = -1;
            if (length > 2 && text[offset] == '$' && text[offset + 1] == '{') {
                for (int i = offset + 2; i < end; i++) {
                    char c = text[i];
                    if (c <= ' ' || c == 0x7f || Character.isSurrogate(c)) { // the string path decides
                        close = -1;
                        break;
                    }
                    if (close < 0) {
                        if (c == '}') {
                            close = i;
                        }
                    } else if (c == '/' && fieldEnd < 0 && i > close + 1) {
                        fieldEnd = i;
                    }
                }
            }
            // ${type} then "/", a field, "/" and a value: nothing else takes the quick path.
            if (close < 0 || fieldEnd < 0 || close + 1 >= end || text[close + 1] != '/' || fieldEnd == close + 2 || fieldEnd == end - 1) {
                return canonical(new String(text, offset, length), relation);
            }
            int prefixLength = fieldEnd + 1 - offset;
            // A few characters that tell the prefixes of one model apart (the type's last ones, the field's
            // first and last, both lengths); the comparison below decides, a collision only costs a lookup.
            int hash = (close - offset) * 961 + (fieldEnd - close) * 31 + text[close - 1] * 29791 + text[close - 2] * 923521
                    + text[close + 2] * 7 + text[fieldEnd - 1];
            Prefix[] table = prefixes;
            int slot = (hash ^ (hash >>> 16)) & (table.length - 1);
            Prefix known = table[slot];
            if (known == null || known.hash != hash
                    || !java.util.Arrays.equals(known.given, 0, known.given.length, text, offset, offset + prefixLength)) {
                char[] given = java.util.Arrays.copyOfRange(text, offset, offset + prefixLength);
                // Resolved once the usual way, with a one-character value standing in for any value.
                String resolved = canonical(new String(given) + "x", relation);
                if (resolved == null) {
                    return canonical(new String(text, offset, length), relation);
                }
                known = new Prefix(hash, given, resolved.substring(0, resolved.length() - 1));
                table[slot] = known; // a racing writer may replace it: it is a cache, entries are immutable
            }
            return known.canonical.concat(new String(text, fieldEnd + 1, end - fieldEnd - 1));
        }

        /** Why {@link #canonical} refused {@code href}. */
        public String reason(String href, Relation relation) {
            StringBuilder why = new StringBuilder();
            return resolve(href, relation, this, why) != null ? null : why.toString();
        }

        private Optional<Target> placeholder(String type) {
            Optional<Target> t = placeholders.get(type);
            return t != null ? t : placeholders.computeIfAbsent(type, k -> placeholderTarget(k, component));
        }

        private Optional<Target> relationTarget(String target) {
            Optional<Target> t = relationTargets.get(target);
            return t != null ? t : relationTargets.computeIfAbsent(target, k -> placeholderTarget(k, component));
        }
    }

    private String resolve(String href, Relation relation, Context ctx, StringBuilder why) {
        if (href.isEmpty()) {
            return fail(why, "empty href");
        }
        for (int i = 0; i < href.length(); i++) {
            char c = href.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                return fail(why, "href contains whitespace or control characters");
            }
        }
        String surrogate = SurrogateCheck.check(href); // an edge's Kafka key holds the href
        if (surrogate != null) {
            return fail(why, "href " + surrogate);
        }
        if (href.startsWith("${")) {
            int close = href.indexOf('}');
            if (close < 0) {
                return fail(why, "unclosed placeholder '${'");
            }
            String type = href.substring(2, close);
            Optional<Target> target = ctx.placeholder(type);
            if (target.isEmpty()) {
                return fail(why, "unknown placeholder type '" + type + "' (no resource of model " + model.version() + ")");
            }
            return idPath(target.get(), href.substring(close + 1), why);
        }
        if (href.regionMatches(true, 0, "https://", 0, 8)) {
            return absolute(href, 8, why);
        }
        if (href.regionMatches(true, 0, "http://", 0, 7)) {
            return absolute(href, 7, why);
        }
        if (href.startsWith("/")) {
            return path(href, why);
        }
        Optional<Target> target = ctx.relationTarget(relation.target());
        if (target.isEmpty()) {
            return fail(why, "a relative href needs a target with a route, and " + relation.target()
                    + " has none (use an absolute URL)");
        }
        return idPath(target.get(), "/" + href, why);
    }

    /** {@code /domain/package/resource/idfield/value} of a known resource, in the model's form of the resource path. */
    private String path(String href, StringBuilder why) {
        String[] seg = href.substring(1).split("/", -1);
        for (int k = 3; k <= 4 && k + 2 <= seg.length; k++) {
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < k; i++) {
                prefix.append('/').append(seg[i]);
            }
            Optional<ResourceType> rt = model.resourceByPath(prefix.toString());
            if (rt.isPresent()) {
                return idPath(new Target(rt.get().path(), rt.get().modelClass()), href.substring(prefix.length()), why);
            }
        }
        return fail(why, "path names no resource of model " + model.version() + " (expected /domain/package/resource/idfield/value)");
    }

    private String idPath(Target target, String rest, StringBuilder why) {
        if (rest.length() < 4 || rest.charAt(0) != '/') {
            return fail(why, "expected /idfield/value after " + target.path());
        }
        int slash = rest.indexOf('/', 1);
        if (slash < 0 || slash == 1 || slash == rest.length() - 1) {
            return fail(why, "expected /idfield/value after " + target.path());
        }
        String field = rest.substring(1, slash);
        for (String id : target.cls().identifiers()) {
            if (id.equalsIgnoreCase(field)) {
                return target.path() + rest;
            }
        }
        return fail(why, "'" + field + "' is not an identifier of " + target.cls().name() + " (identifiers: "
                + String.join(", ", target.cls().identifiers()).toLowerCase(Locale.ROOT) + ")");
    }

    private String absolute(String href, int schemeLength, StringBuilder why) {
        int end = href.indexOf('/', schemeLength);
        String host = end < 0 ? href.substring(schemeLength) : href.substring(schemeLength, end);
        if (host.isEmpty() || host.indexOf('?') >= 0 || host.indexOf('#') >= 0) {
            return fail(why, "URL without a host");
        }
        if (urlsToPaths && end > 0 && href.indexOf('?', end) < 0 && href.indexOf('#', end) < 0) {
            String path = path(href.substring(end), null);
            if (path != null) {
                return path;
            }
        }
        return "https://" + href.substring(schemeLength);
    }

    private Optional<Target> placeholderTarget(String type, Component context) {
        return model.placeholderPath(type, context)
                .flatMap(path -> model.resourceByPath(path).map(rt -> new Target(rt.path(), rt.modelClass())));
    }

    private static String fail(StringBuilder why, String reason) {
        if (why != null) {
            why.append(reason);
        }
        return null;
    }

    private record Target(String path, ModelClass cls) {
    }

    /** A placeholder href's start as given ({@code ${type}/idfield/}) and its canonical form ({@code /domain/package/resource/idfield/}). */
    private record Prefix(int hash, char[] given, String canonical) {
    }
}
