package no.fint.platform.records;

/**
 * Keys of entity records: {@code resourceName U+001F identifier}. The resource name makes a key
 * unique within a component topic (FINT v2 had collisions until it did the same).
 */
public final class RecordKeys {

    public static final char SEPARATOR = '\u001F';

    private RecordKeys() {
    }

    public static String entity(String resourceName, String identifier) {
        return resourceName + SEPARATOR + identifier;
    }

    /** The resource name part of an entity key. */
    public static String resourceName(String key) {
        int i = key.indexOf(SEPARATOR);
        if (i < 0) {
            throw new IllegalArgumentException("Not an entity key: " + key);
        }
        return key.substring(0, i);
    }

    /** The identifier part of an entity key. */
    public static String identifier(String key) {
        int i = key.indexOf(SEPARATOR);
        if (i < 0) {
            throw new IllegalArgumentException("Not an entity key: " + key);
        }
        return key.substring(i + 1);
    }
}
