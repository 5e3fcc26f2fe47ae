package no.fint.platform.adapter;

import no.fint.platform.canonical.Violation;
import no.fint.platform.canonical.check.KnownResourceCheck;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ResourceType;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rule: a capability names a resource of the information model and a full-sync interval of 1 to 7
 * days (FINT v2's limit, which keeps compacted data refreshed); the delta mode, when given, is one of
 * IMMEDIATE, LEGACY, NONE. The derived {@code entityUri} and {@code component} FINT v2 adapters also
 * send are ignored.
 */
public final class CapabilityCheck {

    public static final int MAX_FULL_SYNC_INTERVAL_DAYS = 7;
    private static final Set<String> DELTA = Set.of("IMMEDIATE", "LEGACY", "NONE");

    private final KnownResourceCheck resources;

    public CapabilityCheck(InformationModel model) {
        this.resources = new KnownResourceCheck(model);
    }

    /** The resolved capability, or empty with every violation added to {@code out} (fields prefixed with {@code field}). */
    public Optional<Capability> check(String field, String domain, String pkg, String resource, Integer fullSyncIntervalInDays,
                                      String deltaSyncInterval, List<Violation> out) {
        int before = out.size();
        Optional<ResourceType> rt = resources.resolve(domain, pkg, resource);
        if (rt.isEmpty()) {
            out.add(new Violation(field, resources.reason(domain, pkg, resource)));
        }
        if (fullSyncIntervalInDays == null) {
            out.add(new Violation(field + ".fullSyncIntervalInDays", "required (1 to " + MAX_FULL_SYNC_INTERVAL_DAYS + " days)"));
        } else if (fullSyncIntervalInDays < 1 || fullSyncIntervalInDays > MAX_FULL_SYNC_INTERVAL_DAYS) {
            out.add(new Violation(field + ".fullSyncIntervalInDays", fullSyncIntervalInDays + " is not 1 to "
                    + MAX_FULL_SYNC_INTERVAL_DAYS + " days"));
        }
        if (deltaSyncInterval != null && !DELTA.contains(deltaSyncInterval)) {
            out.add(new Violation(field + ".deltaSyncInterval", "'" + deltaSyncInterval + "' is not IMMEDIATE, LEGACY or NONE"));
        }
        if (out.size() != before) {
            return Optional.empty();
        }
        return Optional.of(new Capability(domain, pkg, resource, rt.get().path(), fullSyncIntervalInDays, deltaSyncInterval));
    }
}
