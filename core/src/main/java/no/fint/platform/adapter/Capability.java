package no.fint.platform.adapter;

/**
 * One capability of a contract: a resource the adapter syncs, as stored (validated, resolved).
 *
 * @param domainName             as registered
 * @param packageName            as registered
 * @param resourceName           as registered
 * @param resource               the resolved path, e.g. {@code /felles/kodeverk/iso/kjonn}: what syncs are checked against
 * @param fullSyncIntervalInDays 1..7
 * @param deltaSyncInterval      IMMEDIATE, LEGACY, NONE or null
 */
public record Capability(String domainName, String packageName, String resourceName, String resource,
                         int fullSyncIntervalInDays, String deltaSyncInterval) {
}
