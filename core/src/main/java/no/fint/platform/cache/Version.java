package no.fint.platform.cache;

import no.fint.platform.render.ResourceLayout;

/**
 * One version of one cached resource: its canonical bytes and their layout (immutable), the
 * platform's last-modified stamp, and when this cache first saw the content as served.
 */
final class Version {
    final byte[] json;
    final int linksStart;
    final boolean nestedHrefs;
    final String[] ids;
    /** The record's last-modified header; written by the one writer only. */
    long lastModified;
    /** Epoch ms when the served bytes (inverse links included) last changed. */
    volatile long lastUpdated;

    Version(ResourceLayout layout, long lastModified, long lastUpdated) {
        this.json = layout.json();
        this.linksStart = layout.linksStart();
        this.nestedHrefs = layout.nestedHrefs();
        this.ids = layout.ids();
        this.lastModified = lastModified;
        this.lastUpdated = lastUpdated;
    }
}
