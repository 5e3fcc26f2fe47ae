package no.fint.platform.demo.adapter;

import no.fint.platform.demo.DataSet;
import no.fint.platform.model.ResourceType;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A FINT v2 adapter against the provider API, with a synthetic data set as its source system:
 * registers its contract (every resource type it syncs), sends heartbeats on the contract's interval,
 * full-syncs every type (one corrId each, pages of {@code pageSize}), follows what became of each
 * full sync, then every {@code interval} sends a round of deltas (PATCH) and deletes (DELETE) until
 * stopped or until {@code rounds} rounds are done.
 *
 * <p>Client writes: with {@link WriteSettings} enabled, {@link WriteRequests} is one more
 * {@link PeriodicTask} next to the heartbeats, on the same {@link ProviderClient} (retries, stop),
 * polling {@code GET /provider/event/...} and answering with {@code POST /provider/event}
 * ({@link WriteAnswerer}, the data set as its source system); the sync loop does not change.
 */
public final class DemoAdapter {

    private final AdapterSettings settings;
    private final WriteSettings writes;
    private final Console console;
    private final TokenSource tokens;
    private volatile WriteAnswerer answerer;

    /** Sends no token and answers no client writes: for a provider stand-in without authentication (the adapter's unit tests). */
    public DemoAdapter(AdapterSettings settings, PrintStream out) {
        this(settings, WriteSettings.off(), out, null);
    }

    /** @param tokens the adapter's bearer tokens (the provider requires them) */
    public DemoAdapter(AdapterSettings settings, PrintStream out, TokenSource tokens) {
        this(settings, WriteSettings.off(), out, tokens);
    }

    /** @param tokens the adapter's bearer tokens (the provider requires them) */
    public DemoAdapter(AdapterSettings settings, WriteSettings writes, PrintStream out, TokenSource tokens) {
        this.settings = settings;
        this.writes = writes;
        this.console = new Console(out);
        this.tokens = tokens;
    }

    /** What the write answering did so far (empty when it is off). */
    public java.util.Map<String, Long> writeOutcomes() {
        WriteAnswerer a = answerer;
        return a == null ? java.util.Map.of() : a.outcomes();
    }

    /** Runs until done or until {@code stop} is signalled; never throws for what the provider answers. */
    public Summary run(StopSignal stop) {
        DataSet data = DataSet.of(settings.size(), settings.seed());
        ProviderClient client = new ProviderClient(settings.provider(), stop, console, tokens);
        console.line("demo adapter %s for %s: %s data set, seed %d, %,d resources of %d types; provider %s", settings.adapterId(),
                settings.orgId(), settings.size(), settings.seed(), data.totalSize(), data.types().size(), settings.provider());
        List<Outcome> syncs = new ArrayList<>();
        Map<String, String> states = Map.of();
        int rounds = 0;
        boolean unreachable = false;
        boolean registered = false;
        Heartbeats heartbeats = new Heartbeats(client, settings, console);
        try (Tasks tasks = new Tasks(console)) {
            try {
                registered = register(client, data);
                if (!registered) {
                    return new Summary(false, 0, syncs, 0, states, false, stop.requested());
                }
                tasks.start(heartbeats);
                if (writes.enabled()) {
                    answerer = new WriteAnswerer(client, settings, writes, data, console);
                    tasks.start(new WriteRequests(answerer));
                    console.line("answering client writes: long polls of up to %d ms (conflict marker %s, error marker %s)",
                            Math.min(writes.poll().toMillis(), 30_000), writes.conflictMarker(), writes.errorMarker());
                }
                SyncSender sender = new SyncSender(client, settings, stop, console);
                List<Outcome> full = fullSync(sender, data, stop);
                syncs.addAll(full);
                if (!stop.requested()) {
                    states = new SyncStatusReport(client, stop, console).report(full, settings.statusWait());
                }
                Changes changes = new Changes(data, settings.changesPerRound(), settings.deletesPerRound());
                while (!stop.requested() && (settings.rounds() == 0 || rounds < settings.rounds())) {
                    if (stop.await(settings.interval())) {
                        break;
                    }
                    syncs.addAll(round(sender, changes.next()));
                    rounds++;
                }
            } catch (ProviderClient.UnavailableException e) {
                unreachable = !stop.requested();
                console.line("giving up: %s", e.getMessage());
            }
            boolean early = stop.requested() && (settings.rounds() == 0 || rounds < settings.rounds());
            Summary summary = new Summary(registered, heartbeats.sent(), List.copyOf(syncs), rounds, states, unreachable, early);
            console.line("done: %d syncs, %d delta rounds, page statuses %s, %d heartbeats%s", syncs.size(), rounds,
                    summary.statusCounts(), heartbeats.sent(), early ? " (stopped)" : "");
            return summary;
        }
    }

    private boolean register(ProviderClient client, DataSet data) {
        ProviderClient.Reply r = client.send("POST", "/provider/register", Registration.contract(settings, data.types()));
        console.line("register: %d (%d capabilities, heartbeat every %d min, full sync every %d days, deltas IMMEDIATE)",
                r.status(), data.types().size(), settings.heartbeatMinutes(), settings.fullSyncIntervalDays());
        if (!r.ok()) {
            console.body(r.body());
            console.line("the provider refused the contract; not syncing");
        }
        return r.ok();
    }

    private List<Outcome> fullSync(SyncSender sender, DataSet data, StopSignal stop) {
        List<Outcome> out = new ArrayList<>();
        long start = System.nanoTime();
        int resources = 0;
        int pages = 0;
        for (ResourceType t : data.types()) {
            if (stop.requested()) {
                break;
            }
            Outcome o = sender.send(t, SyncKind.FULL, data.count(t), data.entries(t));
            out.add(o);
            resources += o.resources();
            pages += o.pages();
            console.line("full   %-50s %,9d resources in %3d pages %s %,8.0f resources/s", t.path(), o.resources(), o.pages(),
                    o.statusCounts(), o.resources() / Math.max(1e-9, o.nanos() / 1e9));
        }
        double s = (System.nanoTime() - start) / 1e9;
        console.line("full sync: %,d resources of %d types in %,d pages, %.1f s, %,.0f resources/s", resources, out.size(), pages,
                s, resources / Math.max(1e-9, s));
        return out;
    }

    private List<Outcome> round(SyncSender sender, Changes.Round round) {
        List<Outcome> out = new ArrayList<>();
        long start = System.nanoTime();
        int upserts = 0;
        int deletes = 0;
        for (Map.Entry<ResourceType, List<DataSet.Entry>> e : round.upserts().entrySet()) {
            Outcome o = sender.send(e.getKey(), SyncKind.DELTA, e.getValue().size(), e.getValue().iterator());
            out.add(o);
            upserts += o.resources();
        }
        for (Map.Entry<ResourceType, List<DataSet.Entry>> e : round.deletes().entrySet()) {
            Outcome o = sender.send(e.getKey(), SyncKind.DELETE, e.getValue().size(), e.getValue().iterator());
            out.add(o);
            deletes += o.resources();
        }
        Map<Integer, Long> statuses = new java.util.TreeMap<>();
        out.forEach(o -> o.statusCounts().forEach((k, v) -> statuses.merge(k, v, Long::sum)));
        console.line("round %d: %d changed or re-added (PATCH), %d deleted (DELETE), %d syncs, page statuses %s, %d ms",
                round.number(), upserts, deletes, out.size(), statuses, (System.nanoTime() - start) / 1_000_000);
        return out;
    }
}
