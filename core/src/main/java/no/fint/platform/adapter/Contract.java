package no.fint.platform.adapter;

import java.util.List;

/**
 * An adapter's registered contract, as stored on the contract topic (key {@code adapterId}).
 *
 * @param adapterId                  unique across organisations (FINT suggests {@code https://vendor/org/domain/package})
 * @param orgId                      the one organisation the adapter writes for
 * @param username                   as registered (checked against the token once authentication exists)
 * @param heartbeatIntervalInMinutes how often it promises a heartbeat
 * @param capabilities               the resources it may sync
 * @param registeredAt               epoch ms the platform accepted the contract
 */
public record Contract(String adapterId, String orgId, String username, int heartbeatIntervalInMinutes,
                       List<Capability> capabilities, long registeredAt) {

    public Contract {
        capabilities = List.copyOf(capabilities);
    }

    /** The capability for a resource path, or null. */
    public Capability capability(String resourcePath) {
        for (Capability c : capabilities) {
            if (c.resource().equals(resourcePath)) {
                return c;
            }
        }
        return null;
    }
}
