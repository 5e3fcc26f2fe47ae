package no.fint.platform.demo.adapter;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run of the demo adapter did.
 *
 * @param registered   the provider accepted the contract
 * @param heartbeats   heartbeats the provider accepted
 * @param syncs        every sync sent, in order: the full syncs, then each round's deltas and deletes
 * @param rounds       delta rounds completed
 * @param syncStates   final state of each full sync by corrId, as the provider reported it (empty when it keeps none)
 * @param unreachable  gave up because the provider could not be reached (or kept answering 503)
 * @param stoppedEarly stopped (INT/TERM or a test) before the planned end
 */
public record Summary(boolean registered, int heartbeats, List<Outcome> syncs, int rounds, Map<String, String> syncStates,
                      boolean unreachable, boolean stoppedEarly) {

    public List<Outcome> fullSyncs() {
        return syncs.stream().filter(o -> o.kind() == SyncKind.FULL).toList();
    }

    /** Pages answered with anything but their success status. */
    public long failedPages() {
        return syncs.stream().mapToLong(o -> o.statuses().stream().filter(s -> s != o.kind().success()).count()).sum();
    }

    /** Every page status and how often it came. */
    public Map<Integer, Long> statusCounts() {
        Map<Integer, Long> all = new TreeMap<>();
        syncs.forEach(o -> o.statusCounts().forEach((s, n) -> all.merge(s, n, Long::sum)));
        return all;
    }

    /** A run that registered, reached the provider throughout and had every page accepted. */
    public boolean clean() {
        return registered && !unreachable && failedPages() == 0;
    }
}
