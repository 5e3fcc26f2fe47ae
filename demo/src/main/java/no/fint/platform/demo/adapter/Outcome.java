package no.fint.platform.demo.adapter;

import no.fint.platform.model.ResourceType;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What became of one sync as sent.
 *
 * @param type       the resource type
 * @param kind       FULL, DELTA or DELETE
 * @param corrId     the sync's corrId
 * @param pages      pages sent
 * @param totalPages pages the sync has
 * @param resources  resources in the pages the provider accepted
 * @param statuses   HTTP status per page, in order
 * @param identifiers the identifiers of every resource sent, accepted or not (delta and delete syncs only)
 * @param location   the status URL the provider gave (Location header), if any
 * @param nanos      time spent sending
 */
public record Outcome(ResourceType type, SyncKind kind, String corrId, int pages, int totalPages, int resources,
                      List<Integer> statuses, List<String> identifiers, Optional<String> location, long nanos) {

    /** Every page answered with the success status of its kind. */
    public boolean accepted() {
        return pages == totalPages && statuses.stream().allMatch(s -> s == kind.success());
    }

    /** How many pages got each status. */
    public Map<Integer, Long> statusCounts() {
        return statuses.stream().collect(java.util.stream.Collectors.groupingBy(s -> s, java.util.TreeMap::new,
                java.util.stream.Collectors.counting()));
    }
}
