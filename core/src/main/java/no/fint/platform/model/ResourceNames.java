package no.fint.platform.model;

import java.util.Locale;

/** How v1 turns a class name into a URL segment. */
final class ResourceNames {
    private ResourceNames() {
    }

    static String of(String className) {
        return className.toLowerCase(Locale.ROOT)
                .replace('æ', 'a')
                .replace('ø', 'o')
                .replace('å', 'a');
    }
}
