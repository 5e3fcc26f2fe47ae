package no.fint.platform.cache;

/** One record key of a resource store; its current version, or null once deleted. */
final class Slot {
    final String key;
    volatile Version version;
    /** Included in a sorted snapshot already (guarded by the store's snapshot lock). */
    boolean listed;

    Slot(String key, Version version) {
        this.key = key;
        this.version = version;
    }
}
