package no.fint.platform.render;

import no.fint.platform.model.Component;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ResourceType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

/**
 * A request path of the v1 consumer API resolved against the model: component (nested packages
 * included, {@code /felles/kodeverk/iso/kjonn}), resource and identifier field matched
 * case-insensitively, identifier values kept exactly (dots, and slashes whether sent encoded or not).
 *
 * @param kind      what the path asks for
 * @param component the component
 * @param type      the resource type (collection, one, last-updated, cache size, query)
 * @param idField   the identifier attribute as the model names it ({@code systemId}); ONE only
 * @param idValue   the identifier value, decoded; ONE only (STATUS: the corrId)
 * @param rest      the segments after {@code admin} (ADMIN only), lower case except an orgId
 */
public record V1Route(Kind kind, Component component, ResourceType type, String idField, String idValue, List<String> rest) {

    public enum Kind {
        /** {@code /{domain}/{package}}: the component's resource listing. */
        ROOT,
        COLLECTION,
        ONE,
        LAST_UPDATED,
        CACHE_SIZE,
        /** {@code POST /{resource}/$query}. */
        QUERY,
        /** {@code GET /{resource}/status/{corrId}}: a write's status ({@code idValue} is the corrId). */
        STATUS,
        ADMIN,
        /** {@code /openapi/{domain}/{package}}: the component's typed OpenAPI document. */
        OPENAPI,
        /** Under a served component, but no v1 route (unknown resource, identifier field or sub-path). */
        NOT_FOUND
    }

    public static final String OPENAPI_PREFIX = "openapi";

    /**
     * Resolves a raw (still percent-encoded) request path. Empty when the path is not under one of
     * {@code served} (other services' paths such as {@code /health} stay untouched). Builds the lookup
     * tables on each call: a service keeps one {@link Resolver}.
     */
    public static Optional<V1Route> resolve(InformationModel model, Collection<Component> served, String rawPath) {
        return new Resolver(model, served).resolve(rawPath);
    }

    /** Resolves paths against the served components, with their lookup tables built once. */
    public static final class Resolver {
        private final Map<String, Component> components = new HashMap<>();
        private final Map<Component, Map<String, ResourceType>> types = new HashMap<>();

        public Resolver(InformationModel model, Collection<Component> served) {
            for (Component c : served) {
                components.put(c.toString(), c);
                Map<String, ResourceType> byName = new HashMap<>();
                model.resources(c).forEach(t -> byName.put(t.name(), t));
                types.put(c, byName);
            }
        }

        public Optional<V1Route> resolve(String rawPath) {
            List<String> segments = new ArrayList<>(8);
            int n = rawPath.length();
            int i = rawPath.startsWith("/") ? 1 : 0;
            while (i <= n) {
                int j = rawPath.indexOf('/', i);
                if (j < 0) {
                    j = n;
                }
                segments.add(decode(rawPath.substring(i, j)));
                i = j + 1;
            }
            if (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
                segments.remove(segments.size() - 1); // v1 (Spring) matched a trailing slash too
            }
            boolean openapi = segments.size() >= 3 && segments.get(0).equalsIgnoreCase(OPENAPI_PREFIX);
            List<String> path = openapi ? segments.subList(1, segments.size()) : segments;
            if (path.size() < 2) {
                return Optional.empty();
            }
            String flatKey = path.get(0).toLowerCase(Locale.ROOT) + "/" + path.get(1).toLowerCase(Locale.ROOT);
            Component component = path.size() >= 3 ? components.get(flatKey + "/" + path.get(2).toLowerCase(Locale.ROOT)) : null;
            int used = 3;
            if (component == null) {
                component = components.get(flatKey);
                used = 2;
                if (component == null) {
                    return Optional.empty();
                }
            }
            List<String> rest = path.subList(used, path.size());
            if (openapi) {
                return Optional.of(rest.isEmpty() ? of(Kind.OPENAPI, component) : of(Kind.NOT_FOUND, component));
            }
            if (rest.isEmpty()) {
                return Optional.of(of(Kind.ROOT, component));
            }
            String first = rest.get(0).toLowerCase(Locale.ROOT);
            if (first.equals("admin")) {
                return Optional.of(admin(component, rest.subList(1, rest.size())));
            }
            ResourceType t = types.get(component).get(first);
            if (t == null) {
                return Optional.of(of(Kind.NOT_FOUND, component));
            }
            if (rest.size() == 1) {
                return Optional.of(new V1Route(Kind.COLLECTION, component, t, null, null, List.of()));
            }
            String second = rest.get(1);
            if (rest.size() == 2 && second.equalsIgnoreCase("last-updated")) {
                return Optional.of(new V1Route(Kind.LAST_UPDATED, component, t, null, null, List.of()));
            }
            if (rest.size() == 2 && second.equalsIgnoreCase("$query")) {
                return Optional.of(new V1Route(Kind.QUERY, component, t, null, null, List.of()));
            }
            if (rest.size() == 3 && second.equalsIgnoreCase("cache") && rest.get(2).equalsIgnoreCase("size")) {
                return Optional.of(new V1Route(Kind.CACHE_SIZE, component, t, null, null, List.of()));
            }
            if (rest.size() == 3 && second.equalsIgnoreCase("status")) {
                return Optional.of(new V1Route(Kind.STATUS, component, t, null, rest.get(2), List.of()));
            }
            for (String field : t.modelClass().identifiers()) {
                if (field.equalsIgnoreCase(second)) {
                    if (rest.size() < 3) {
                        break;
                    }
                    String value = rest.size() == 3 ? rest.get(2) : String.join("/", rest.subList(2, rest.size()));
                    return Optional.of(new V1Route(Kind.ONE, component, t, field, value, List.of()));
                }
            }
            return Optional.of(of(Kind.NOT_FOUND, component));
        }
    }

    private static V1Route admin(Component component, List<String> rest) {
        List<String> r = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            // An orgId is a domain name: lower case is its canonical form too.
            r.add(rest.get(i).toLowerCase(Locale.ROOT));
        }
        boolean known = switch (r.size()) {
            case 1 -> List.of("organisations", "assets", "caches", "health").contains(r.get(0));
            case 2 -> r.get(0).equals("organisations") || (r.get(0).equals("cache") && r.get(1).equals("status"));
            default -> false;
        };
        return new V1Route(known ? Kind.ADMIN : Kind.NOT_FOUND, component, null, null, null, List.copyOf(r));
    }

    private static V1Route of(Kind kind, Component component) {
        return new V1Route(kind, component, null, null, null, List.of());
    }

    /**
     * The path in the form the generated JAX-RS interfaces match: fixed segments lower case, the
     * package in one segment ({@code kodeverk%2Fiso}), the identifier value in one encoded segment.
     */
    public String internalPath() {
        String base = "/" + component.domain() + "/" + encode(component.pkg().replace('.', '/'));
        return switch (kind) {
            case ROOT -> base;
            case COLLECTION -> base + "/" + type.name();
            case ONE -> base + "/" + type.name() + "/" + idField.toLowerCase(Locale.ROOT) + "/" + encode(idValue);
            case LAST_UPDATED -> base + "/" + type.name() + "/last-updated";
            case CACHE_SIZE -> base + "/" + type.name() + "/cache/size";
            case QUERY -> base + "/" + type.name() + "/$query";
            case STATUS -> base + "/" + type.name() + "/status/" + encode(idValue);
            case ADMIN -> base + "/admin/" + String.join("/", rest.stream().map(V1Route::encode).toList());
            case OPENAPI -> "/" + OPENAPI_PREFIX + base;
            case NOT_FOUND -> base;
        };
    }

    /** Percent-decodes one path segment (UTF-8); a malformed escape leaves the segment as sent. */
    static String decode(String segment) {
        return PathSegments.decode(segment, false);
    }

    /**
     * Percent-encodes everything but letters, digits and {@code - _ ~}, so a value stays one segment
     * (dots too: a value {@code ..} must not become a dot-segment).
     */
    public static String encode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder(bytes.length + 8);
        for (byte x : bytes) {
            int c = x & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '~') {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return b.toString();
    }
}
