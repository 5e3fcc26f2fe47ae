package no.fint.platform.demo.adapter;

import no.fint.platform.demo.DataSet;
import no.fint.platform.model.ResourceType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends one sync of one resource type in pages (numbered from 1, {@code totalPages} and
 * {@code totalSize} for the whole sync, one corrId), printing each refused page with the provider's
 * problem body and a progress line every few seconds.
 */
final class SyncSender {

    private static final long PROGRESS_NANOS = 3_000_000_000L;

    private final ProviderClient client;
    private final AdapterSettings settings;
    private final StopSignal stop;
    private final Console console;
    /** Set once the provider turned out not to have the nested-package route (see {@link #paths}). */
    private final AtomicBoolean dottedPackage = new AtomicBoolean();

    SyncSender(ProviderClient client, AdapterSettings settings, StopSignal stop, Console console) {
        this.client = client;
        this.settings = settings;
        this.stop = stop;
        this.console = console;
    }

    /** Sends {@code totalSize} entries as one sync; stops early (an incomplete sync) when asked to stop. */
    Outcome send(ResourceType type, SyncKind kind, int totalSize, Iterator<DataSet.Entry> entries) {
        String corrId = UUID.randomUUID().toString();
        int totalPages = Math.max(1, (totalSize + settings.pageSize() - 1) / settings.pageSize());
        List<Integer> statuses = new ArrayList<>(totalPages);
        List<String> identifiers = new ArrayList<>(kind == SyncKind.FULL ? 0 : totalSize);
        Optional<String> location = Optional.empty();
        int accepted = 0;
        long start = System.nanoTime();
        long lastProgress = start;
        int page = 0;
        List<DataSet.Entry> batch = new ArrayList<>(settings.pageSize());
        while (page < totalPages && !stop.requested()) {
            batch.clear();
            while (batch.size() < settings.pageSize() && entries.hasNext()) {
                batch.add(entries.next());
            }
            page++;
            byte[] body = SyncPages.page(settings.adapterId(), settings.orgId(), corrId, kind.name(), type.path(), totalSize,
                    page, totalPages, batch, kind != SyncKind.DELETE);
            ProviderClient.Reply reply = post(type, kind, body);
            statuses.add(reply.status());
            if (kind != SyncKind.FULL) { // a full sync's identifiers are the data set's; not kept
                batch.forEach(e -> identifiers.add(e.identifier()));
            }
            if (reply.location().isPresent()) {
                location = reply.location();
            }
            if (reply.status() == kind.success()) {
                accepted += batch.size();
            } else {
                console.line("%-6s %s page %d/%d (%d resources): %d", kind, type.path(), page, totalPages, batch.size(), reply.status());
                console.body(reply.body());
            }
            long now = System.nanoTime();
            if (now - lastProgress > PROGRESS_NANOS && page < totalPages) {
                console.line("%-6s %s page %d/%d, %,.0f resources/s", kind, type.path(), page, totalPages,
                        accepted / ((now - start) / 1e9));
                lastProgress = now;
            }
        }
        return new Outcome(type, kind, corrId, page, totalPages, accepted, List.copyOf(statuses), List.copyOf(identifiers),
                location, System.nanoTime() - start);
    }

    private ProviderClient.Reply post(ResourceType type, SyncKind kind, byte[] body) {
        List<String> paths = paths(type);
        if (paths.size() > 1 && dottedPackage.get()) {
            return client.send(kind.method(), paths.get(1), body);
        }
        ProviderClient.Reply reply = client.send(kind.method(), paths.get(0), body);
        if (paths.size() > 1 && routeMissing(reply)) {
            // This provider has no nested-package route: send the package as one segment, joined by '.'.
            dottedPackage.set(true);
            console.line("no route %s on this provider (%d); nested packages go as %s", paths.get(0), reply.status(), paths.get(1));
            return client.send(kind.method(), paths.get(1), body);
        }
        return reply;
    }

    /**
     * {@code /provider/{domain}/{package}/{resource}}; for a nested package (felles/kodeverk/iso) the
     * contract's four-segment route first and, for providers without it, the package joined by '.'.
     */
    static List<String> paths(ResourceType type) {
        String path = "/provider" + type.path();
        String pkg = type.component().pkg();
        if (!pkg.contains(".")) {
            return List.of(path);
        }
        return List.of(path, "/provider/" + type.component().domain() + "/" + pkg + "/" + type.name());
    }

    /**
     * A 404 or 405 for the four-segment path of a resource the model has: the provider has no such
     * route (it may still wrap that in a problem body, so the body does not decide).
     */
    private static boolean routeMissing(ProviderClient.Reply reply) {
        return reply.status() == 404 || reply.status() == 405;
    }
}
