package no.fint.platform.records;

import no.fint.platform.model.Component;

/**
 * One version of one resource as it travels on an entity topic.
 *
 * @param orgId        the organisation
 * @param component    the component whose topic carries it
 * @param resourceName lower-case resource name ({@code elev})
 * @param identifier   the identifier value the adapter keyed it by
 * @param value        canonical resource JSON (UTF-8), or null for a delete (tombstone)
 * @param lastModified epoch ms when the platform accepted it; readers never let an older version win
 * @param syncType     FULL, DELTA, DELETE or EVENT; null when unknown
 * @param corrId       the sync or write request it came with; null when unknown
 */
public record EntityRecord(String orgId, Component component, String resourceName, String identifier, byte[] value,
                           long lastModified, String syncType, String corrId) {

    public boolean tombstone() {
        return value == null;
    }

    public String key() {
        return RecordKeys.entity(resourceName, identifier);
    }
}
