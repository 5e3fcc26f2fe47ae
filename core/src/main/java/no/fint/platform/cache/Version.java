package no.fint.platform.cache;

import no.fint.platform.render.ResourceLayout;

/**
 * One cached resource: its record key, canonical bytes and their layout (final, so a reader that
 * finds it through a racy index sees it whole), the platform's last-modified stamp, and when this
 * cache first saw its content as served.
 */
final class Version {
    /** The identifier part of the record key (the same String object as a matching identifier value). */
    final String key;
    final byte[] json;
    final int linksStart;
    final boolean nestedHrefs;
    final String[] ids;
    /** The record's last-modified header; written under the cache's lock only. */
    long lastModified;
    /** Epoch ms when the served bytes (inverse links included) last changed. */
    volatile long lastUpdated;
    /** Replaced by a newer version or deleted: a reader holding this one looks the key up again. */
    volatile boolean superseded;
    /** The edge buckets that name one of this version's identifiers (null when none), kept by the writer. */
    volatile EdgeBucket[] edges;

    Version(String key, ResourceLayout layout, long lastModified, long lastUpdated) {
        String[] ids = layout.ids();
        String shared = key;
        for (int i = 0; i < ids.length; i++) {
            // The record key is usually one of the identifier values: keep one String for both.
            if (key.equals(ids[i])) {
                shared = ids[i];
                break;
            }
        }
        this.key = shared;
        this.json = layout.json();
        this.linksStart = layout.linksStart();
        this.nestedHrefs = layout.nestedHrefs();
        this.ids = ids;
        this.lastModified = lastModified;
        this.lastUpdated = lastUpdated;
    }

    private Version() {
        key = null;
        json = null;
        linksStart = -1;
        nestedHrefs = false;
        ids = null;
    }

    /** The marker of a deleted slot in a {@link VersionTable}. */
    static Version tombstone() {
        return new Version();
    }
}
