package no.fint.platform.demo.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Asks the provider what became of each full sync ({@code GET /provider/sync/{corrId}}, or the
 * {@code Location} its answers gave) and prints the outcome. A provider that answers 404 for the first
 * one does not keep sync status (the early skeleton): the adapter says so and goes on.
 */
final class SyncStatusReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProviderClient client;
    private final StopSignal stop;
    private final Console console;

    SyncStatusReport(ProviderClient client, StopSignal stop, Console console) {
        this.client = client;
        this.stop = stop;
        this.console = console;
    }

    /** The final state per corrId ({@code COMPLETED}, {@code FAILED}, ...), empty when the provider keeps none. */
    Map<String, String> report(List<Outcome> syncs, Duration wait) {
        Map<String, String> states = new TreeMap<>();
        int completed = 0;
        for (Outcome o : syncs) {
            if (stop.requested()) {
                break;
            }
            String url = o.location().orElse("/provider/sync/" + o.corrId());
            long deadline = System.nanoTime() + wait.toNanos();
            while (true) {
                ProviderClient.Reply r = client.get(url);
                if (r.status() == 404 && states.isEmpty()) {
                    console.line("sync status: this provider answers %d for %s; not following sync status", r.status(), url);
                    return states;
                }
                if (!r.ok()) {
                    console.line("sync status %s %s: %d", o.type().path(), o.corrId(), r.status());
                    console.body(r.body());
                    states.put(o.corrId(), "HTTP " + r.status());
                    break;
                }
                Optional<JsonNode> status = parse(r.body());
                String state = status.map(s -> s.path("state").asText("?")).orElse("?");
                if (state.equals("IN_PROGRESS") && System.nanoTime() < deadline && !stop.await(Duration.ofMillis(300))) {
                    continue;
                }
                states.put(o.corrId(), state);
                completed += state.equals("COMPLETED") ? 1 : 0;
                JsonNode s = status.orElse(JSON.createObjectNode());
                console.line("sync status %-50s %s: pages %s/%s, %s resources received, %s stale deleted%s", o.type().path(), state,
                        s.path("pagesReceived").asText("?"), s.path("totalPages").asText("?"), s.path("resourcesReceived").asText("?"),
                        s.path("resourcesDeleted").asText("?"), s.hasNonNull("error") ? ", error: " + s.get("error").asText() : "");
                break;
            }
        }
        if (!states.isEmpty()) {
            console.line("sync status: %d of %d full syncs COMPLETED", completed, states.size());
        }
        return states;
    }

    private static Optional<JsonNode> parse(String body) {
        try {
            return Optional.of(JSON.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
