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

        private Context(Component component) {
            this.component = component;
        }

        /** The canonical href, or null when it cannot be resolved (see {@link #reason}). */
        public String canonical(String href, Relation relation) {
            return resolve(href, relation, this, null);
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
}
