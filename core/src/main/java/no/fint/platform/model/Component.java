package no.fint.platform.model;

import java.util.Locale;

/**
 * A FINT component ("domain/package"), the unit of a consumer API path and of an entity topic.
 * Packages may be nested ({@code felles/kodeverk/iso} has package {@code kodeverk.iso}).
 *
 * @param domain the domain, lower case
 * @param pkg    the package, lower case, nested packages joined by '.'
 */
public record Component(String domain, String pkg) implements Comparable<Component> {

    public Component {
        domain = domain.toLowerCase(Locale.ROOT);
        pkg = pkg.toLowerCase(Locale.ROOT);
    }

    /** Parses {@code utdanning/elev}, {@code utdanning-elev} or {@code felles/kodeverk/iso}. */
    public static Component parse(String text) {
        String t = text.strip();
        if (t.startsWith("/")) {
            t = t.substring(1);
        }
        String[] parts = t.split("[/\\-]", 2);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new IllegalArgumentException("Not a component: '" + text + "' (expected domain/package)");
        }
        return new Component(parts[0], parts[1].replace('/', '.').replace('-', '.'));
    }

    /** URL path, e.g. {@code /felles/kodeverk/iso}. */
    public String path() {
        return "/" + domain + "/" + pkg.replace('.', '/');
    }

    /** Dash form used in topic names and role names, e.g. {@code felles-kodeverk-iso}. */
    public String id() {
        return domain + "-" + pkg.replace('.', '-');
    }

    @Override
    public int compareTo(Component o) {
        return path().compareTo(o.path());
    }

    @Override
    public String toString() {
        return domain + "/" + pkg.replace('.', '/');
    }
}
