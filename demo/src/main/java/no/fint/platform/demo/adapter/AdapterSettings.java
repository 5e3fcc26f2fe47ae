package no.fint.platform.demo.adapter;

import no.fint.platform.demo.DataSet;
import no.fint.platform.records.Topics;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What the demo adapter does and where.
 *
 * @param provider             base URL of the provider API, e.g. {@code http://localhost:8081}
 * @param orgId                the organisation it delivers for, e.g. {@code fint.no}
 * @param adapterId            its id in the contract and every page's metadata
 * @param username             the username in the contract and heartbeats
 * @param size                 the data set
 * @param seed                 the data set's seed
 * @param pageSize             resources per sync page
 * @param interval             time between delta rounds
 * @param heartbeatMinutes     heartbeat interval (also declared in the contract)
 * @param fullSyncIntervalDays declared in every capability
 * @param changesPerRound      changed resources sent per delta round
 * @param deletesPerRound      resources deleted per delta round (re-added the round after)
 * @param rounds               delta rounds before stopping; 0 = until stopped
 * @param statusWait           how long to wait for each full sync's final state
 */
public record AdapterSettings(URI provider, String orgId, String adapterId, String username, DataSet.Size size, long seed,
                              int pageSize, Duration interval, int heartbeatMinutes, int fullSyncIntervalDays,
                              int changesPerRound, int deletesPerRound, int rounds, Duration statusWait) {

    public static final String DEFAULT_PROVIDER = "http://localhost:8081";

    public AdapterSettings {
        Objects.requireNonNull(provider, "provider");
        if (!Topics.validOrgId(orgId)) {
            throw new IllegalArgumentException("'" + orgId + "' is not an organisation id (a lower-case domain name such as fint.no)");
        }
        if (pageSize < 1 || heartbeatMinutes < 1 || heartbeatMinutes > 1440 || fullSyncIntervalDays < 1 || fullSyncIntervalDays > 7
                || changesPerRound < 0 || deletesPerRound < 0 || rounds < 0 || interval.isNegative()) {
            throw new IllegalArgumentException("invalid adapter settings");
        }
        String p = provider.toString();
        if (p.endsWith("/")) {
            provider = URI.create(p.substring(0, p.length() - 1));
        }
    }

    /** The defaults for one organisation: provider on localhost:8081, SMALL, pages of 500, a round every 5 s, until stopped. */
    public static AdapterSettings defaults(String orgId) {
        return new AdapterSettings(URI.create(DEFAULT_PROVIDER), orgId, defaultAdapterId(orgId), "demo@adapter." + orgId,
                DataSet.Size.SMALL, 1, 500, Duration.ofSeconds(5), 1, 1, 25, 5, 0, Duration.ofSeconds(30));
    }

    /** In the form FINT suggests: {@code https://<vendor domain>/<customer org>/<what>}. */
    public static String defaultAdapterId(String orgId) {
        return "https://demo-adapter.fint.no/" + Topics.orgPart(orgId) + "/demo";
    }

    public AdapterSettings withProvider(String url) {
        return new AdapterSettings(URI.create(url), orgId, adapterId, username, size, seed, pageSize, interval, heartbeatMinutes,
                fullSyncIntervalDays, changesPerRound, deletesPerRound, rounds, statusWait);
    }

    public AdapterSettings withData(DataSet.Size newSize, long newSeed) {
        return new AdapterSettings(provider, orgId, adapterId, username, newSize, newSeed, pageSize, interval, heartbeatMinutes,
                fullSyncIntervalDays, changesPerRound, deletesPerRound, rounds, statusWait);
    }

    public AdapterSettings withPageSize(int n) {
        return new AdapterSettings(provider, orgId, adapterId, username, size, seed, n, interval, heartbeatMinutes,
                fullSyncIntervalDays, changesPerRound, deletesPerRound, rounds, statusWait);
    }

    public AdapterSettings withRounds(int n, Duration every) {
        return new AdapterSettings(provider, orgId, adapterId, username, size, seed, pageSize, every, heartbeatMinutes,
                fullSyncIntervalDays, changesPerRound, deletesPerRound, n, statusWait);
    }

    public AdapterSettings withChanges(int changes, int deletes) {
        return new AdapterSettings(provider, orgId, adapterId, username, size, seed, pageSize, interval, heartbeatMinutes,
                fullSyncIntervalDays, changes, deletes, rounds, statusWait);
    }

    public AdapterSettings withHeartbeatMinutes(int minutes) {
        return new AdapterSettings(provider, orgId, adapterId, username, size, seed, pageSize, interval, minutes,
                fullSyncIntervalDays, changesPerRound, deletesPerRound, rounds, statusWait);
    }

    public AdapterSettings withStatusWait(Duration wait) {
        return new AdapterSettings(provider, orgId, adapterId, username, size, seed, pageSize, interval, heartbeatMinutes,
                fullSyncIntervalDays, changesPerRound, deletesPerRound, rounds, wait);
    }
}
