package no.fint.platform.records;

import no.fint.platform.model.Component;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Kafka topic names. Kept here (not in a Kafka module) because every service must agree on them;
 * docs/architecture.md lists each topic with its key, value and cleanup policy.
 */
public final class Topics {

    /** Organisation ids as FINT uses them: lower case domain names such as {@code fint.no} or {@code rogfk.no}. */
    public static final Pattern ORG_ID = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

    private static final String CONTEXT = "fint-core";

    private Topics() {
    }

    /** True when {@code orgId} is a well-formed organisation id. */
    public static boolean validOrgId(String orgId) {
        return orgId != null && ORG_ID.matcher(orgId).matches();
    }

    /** {@code fint.no} becomes {@code fint-no}. */
    public static String orgPart(String orgId) {
        if (!validOrgId(orgId)) {
            throw new IllegalArgumentException("Not an organisation id: '" + orgId + "'");
        }
        return orgId.toLowerCase(Locale.ROOT).replace('.', '-');
    }

    /** Compacted entity topic of one organisation and component: {@code fint-no.fint-core.entity.utdanning-elev}. */
    public static String entity(String orgId, Component component) {
        return orgPart(orgId) + "." + CONTEXT + ".entity." + component.id();
    }

    /** Compacted inverse-relation topic, by the component of the relation's target. */
    public static String relation(String orgId, Component component) {
        return orgPart(orgId) + "." + CONTEXT + ".relation." + component.id();
    }

    /** Regex matching every entity topic of one organisation. */
    public static Pattern entityPattern(String orgId) {
        return Pattern.compile(Pattern.quote(orgPart(orgId) + "." + CONTEXT + ".entity.") + "[a-z0-9-]+");
    }

    /** Platform-wide topics (not per organisation). */
    public static String platform(String name) {
        return CONTEXT + "." + name;
    }

    /** Adapter heartbeats (event topic, 1 day): {@code fint-core.adapter-heartbeat}. */
    public static String heartbeats() {
        return platform("adapter-heartbeat");
    }

    /** Registered adapter contracts (compacted, key adapterId): {@code fint-core.adapter-contract}. */
    public static String contracts() {
        return platform("adapter-contract");
    }

    /** Sync sessions (compacted, key corrId and corrId U+001F page): {@code fint-core.sync-session}. */
    public static String syncSessions() {
        return platform("sync-session");
    }

    /**
     * An organisation's write log (event topic, key corrId): client write requests and the provider's
     * leases, answers and expiries. {@code fint-no.fint-core.write-event}.
     */
    public static String writeEvents(String orgId) {
        return orgPart(orgId) + "." + CONTEXT + ".write-event";
    }

    /** Every organisation's write log: group 1 is the organisation part. */
    public static final Pattern ANY_WRITE_EVENTS = Pattern.compile("([a-z0-9][a-z0-9-]*)\\." + CONTEXT + "\\.write-event");

    /** Every entity topic of every organisation: group 1 is the organisation part, group 2 the component id. */
    public static final Pattern ANY_ENTITY = Pattern.compile("([a-z0-9][a-z0-9-]*)\\." + CONTEXT + "\\.entity\\.([a-z0-9-]+)");

    /** Every relation topic of every organisation: group 1 is the organisation part, group 2 the component id. */
    public static final Pattern ANY_RELATION = Pattern.compile("([a-z0-9][a-z0-9-]*)\\." + CONTEXT + "\\.relation\\.([a-z0-9-]+)");

    /**
     * The relation topic of a component, from the organisation part of a topic name ({@code fint-no}):
     * readers of every organisation's topics know only that part, not the organisation id.
     */
    public static String relationOfOrgPart(String orgPart, Component component) {
        return orgPart + "." + CONTEXT + ".relation." + component.id();
    }
}
