package no.fint.platform.demo.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.fint.platform.demo.DataSet;
import no.fint.platform.demo.Fodselsnummer;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ResourceType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Answers client writes as a FINT v2 adapter does: polls {@code GET /provider/event/{domain}} for the
 * domains of its contract and answers every request it gets with {@code POST /provider/event}, so
 * every row of the v1 status table can be produced against {@code ./fint up}:
 * <ul>
 *   <li>a resource containing the conflict marker ({@code KONFLIKT}) is a conflict: 409 with the
 *   version the source system holds;</li>
 *   <li>one containing the error marker ({@code FEIL}) fails in the source system: 500;</li>
 *   <li>an update or delete of a resource the source system does not have is rejected with statusCode
 *   {@code NOT_FOUND}: 404;</li>
 *   <li>a resource breaking one of the source system's own rules (elevnummer digits only, a valid
 *   fødselsnummer, a person needs one, an update carries the identifier value of its route) is
 *   rejected with one problem per broken rule: 400;</li>
 *   <li>anything else is accepted: a create gets a systemId when it has none (303 with the stored
 *   resource), an update replaces the resource (303), a delete removes it (204), a validation changes
 *   nothing (200).</li>
 * </ul>
 * The source system is the data set plus what clients wrote during the run ({@link SourceSystem}).
 */
public final class WriteAnswerer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProviderClient client;
    private final AdapterSettings adapter;
    private final WriteSettings settings;
    private final InformationModel model;
    private final SourceSystem source;
    private final Console console;
    private final List<String> domains;
    private final Map<String, AtomicLong> outcomes = new TreeMap<>();
    private LongConsumer pause = WriteAnswerer::sleep;

    public WriteAnswerer(ProviderClient client, AdapterSettings adapter, WriteSettings settings, DataSet data, Console console) {
        this.client = client;
        this.adapter = adapter;
        this.settings = settings;
        this.model = InformationModel.load();
        this.source = new SourceSystem(data);
        this.console = console;
        TreeSet<String> d = new TreeSet<>();
        data.types().forEach(t -> d.add(t.component().domain()));
        this.domains = List.copyOf(d);
    }

    /**
     * One round: long-polls every domain of the contract at once (the provider holds each poll up to
     * the poll interval, at most 30 s, until a request arrives) and answers what came. A provider that
     * does not hold polls (FINT v2's answers at once) gets an empty round stretched to the poll
     * interval, so it is polled no more often than every interval. Returns how many requests were
     * answered.
     */
    public int pollOnce() {
        long started = System.nanoTime();
        long waitMillis = Math.min(settings.poll().toMillis(), 30_000);
        int n = 0;
        try {
            for (int answered : inParallel(domains.stream().<Callable<Integer>>map(d -> () -> poll("/" + d + "?wait=" + waitMillis)).toList())) {
                n += answered;
            }
        } finally {
            // An empty or failed round (the provider unreachable) is not followed by the next at once either.
            long left = settings.poll().toNanos() - (System.nanoTime() - started);
            if (n == 0 && left > 0) {
                pause.accept(left);
            }
        }
        return n;
    }

    /** How an empty round that ended early is stretched (nanoseconds); a test records it instead. */
    void pauseWith(LongConsumer pause) {
        this.pause = pause;
    }

    private static void sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One poll of {@code GET /provider/event{path}} ({@code /utdanning}, {@code /utdanning/elev/elev}),
     * answering what came. Returns how many requests were answered.
     */
    public int poll(String path) {
        ProviderClient.Reply r = client.get("/provider/event" + path, Map.of("x-org-id", adapter.orgId(), "x-adapter-id", adapter.adapterId()));
        if (r.status() != 200) {
            console.line("write requests of %s: %d", path, r.status());
            console.body(r.body());
            return 0;
        }
        JsonNode requests;
        try {
            requests = JSON.readTree(r.body());
        } catch (IOException e) {
            console.line("write requests of %s: unreadable answer (%s)", path, e.getMessage());
            return 0;
        }
        answerAll(requests);
        return requests.size();
    }

    /**
     * Answers the requests of one poll in parallel, as a source system that takes several writes at a
     * time would: each answer waits for the provider's acknowledged records, and in sequence the last
     * request of a poll would wait for all the others. Requests for the same resource (the same route)
     * stay in the order they came, so an update and a delete of one resource are not swapped.
     */
    private void answerAll(JsonNode requests) {
        if (requests.size() == 1) {
            answer(requests.get(0));
            return;
        }
        Map<String, List<JsonNode>> byResource = new LinkedHashMap<>();
        for (JsonNode request : requests) {
            String route = request.path("query").asText("");
            String key = route.isEmpty() ? request.path("corrId").asText() : request.path("resourceName").asText() + "/" + route;
            byResource.computeIfAbsent(key, k -> new ArrayList<>()).add(request);
        }
        inParallel(byResource.values().stream().<Callable<Object>>map(inOrder -> () -> {
            inOrder.forEach(this::answer);
            return null;
        }).toList());
    }

    /**
     * Runs the tasks on virtual threads and returns their results once all are done. As in sequence,
     * a failure (the provider unreachable) reaches the caller instead of being lost with its thread.
     */
    private static <T> List<T> inParallel(List<Callable<T>> tasks) {
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(task));
            }
        } // close() waits for every task
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            switch (f.state()) {
                case SUCCESS -> results.add(f.resultNow());
                case FAILED -> {
                    if (f.exceptionNow() instanceof RuntimeException e) {
                        throw e;
                    }
                    throw new IllegalStateException(f.exceptionNow());
                }
                default -> throw new IllegalStateException("interrupted while answering client writes");
            }
        }
        return results;
    }

    /** Answers counted by verdict ({@code accepted}, {@code rejected}, ...) and by refusals of the provider. */
    public synchronized Map<String, Long> outcomes() {
        Map<String, Long> m = new TreeMap<>();
        outcomes.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    private synchronized void count(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
    }

    void answer(JsonNode request) {
        String corrId = request.path("corrId").asText();
        String op = request.path("operationType").asText();
        String path = "/" + request.path("domainName").asText() + "/" + request.path("packageName").asText() + "/"
                + request.path("resourceName").asText();
        ObjectNode answer = JSON.createObjectNode()
                .put("corrId", corrId)
                .put("orgId", adapter.orgId())
                .put("adapterId", adapter.adapterId())
                .put("operationType", op);
        String verdict = decide(request, op, path, answer);
        answer.put("handledAt", System.currentTimeMillis());
        ProviderClient.Reply r;
        try {
            r = client.send("POST", "/provider/event", JSON.writeValueAsBytes(answer));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (r.ok()) {
            count(verdict);
            console.line("write %s %s %s: %s", op, path, corrId, verdict);
        } else {
            count("refused by the provider");
            console.line("write %s %s %s: answered %s, the provider says %d", op, path, corrId, verdict, r.status());
            console.body(r.body());
        }
    }

    private String decide(JsonNode request, String op, String path, ObjectNode answer) {
        ResourceType type = model.resourceByPath(path).orElse(null);
        String text = request.path("value").asText("");
        JsonNode resource = null;
        if (!text.isEmpty()) {
            try {
                resource = JSON.readTree(text);
            } catch (IOException e) {
                return failed(answer, "the request's value is not JSON: " + e.getMessage());
            }
        }
        if (type == null) {
            return failed(answer, path + " is not a resource of this source system");
        }
        if (text.contains(settings.errorMarker())) {
            return failed(answer, "Kildesystemet feilet (the request contains the error marker " + settings.errorMarker() + ")");
        }
        String route = request.path("query").asText(null);
        String key = route == null ? null : source.find(type, route);
        if (text.contains(settings.conflictMarker()) && resource != null) {
            // The version the source system holds: what it has, else the sent resource as it would have stored it.
            ObjectNode current = resource.deepCopy();
            ensureKey(type, current);
            answer.put("conflicted", true).put("conflictReason", "Ressursen er endret i kildesystemet (the request contains the conflict marker "
                    + settings.conflictMarker() + ")");
            answer.putObject("value").put("identifier", current.path(SourceSystem.keyField(type)).path("identifikatorverdi").asText())
                    .set("resource", current);
            return "conflict";
        }
        if ((op.equals("UPDATE") || op.equals("DELETE")) && key == null) {
            answer.put("rejected", true).put("rejectReason", type.modelClass().name() + " " + route + " finnes ikke")
                    .put("statusCode", "NOT_FOUND");
            return "rejected (not found)";
        }
        if (!op.equals("DELETE")) {
            ArrayNode problems = rules(type, op, route, resource);
            if (!problems.isEmpty()) {
                answer.put("rejected", true).put("rejectReason", problems.size() + " regel(er) brutt i kildesystemet");
                answer.set("problems", problems);
                return "rejected (" + problems.size() + " problems)";
            }
        }
        switch (op) {
            case "CREATE" -> {
                ObjectNode stored = resource.deepCopy();
                String id = ensureKey(type, stored);
                source.put(type, id, stored);
                answer.putObject("value").put("identifier", id).set("resource", stored);
            }
            case "UPDATE" -> {
                ObjectNode stored = resource.deepCopy();
                source.put(type, key, stored);
                answer.putObject("value").put("identifier", key).set("resource", stored);
            }
            case "DELETE" -> {
                source.delete(type, key);
                answer.putObject("value").put("identifier", key).putNull("resource");
            }
            default -> {
                // VALIDATE: the rules held; nothing is stored
            }
        }
        return "accepted";
    }

    /** The key identifier of a resource to store, assigned (systemId) when it has none. */
    private static String ensureKey(ResourceType type, ObjectNode resource) {
        String field = SourceSystem.keyField(type);
        JsonNode v = resource.path(field).path("identifikatorverdi");
        if (v.isTextual() && !v.textValue().isEmpty()) {
            return v.textValue();
        }
        String id = "demo-" + UUID.randomUUID();
        ObjectNode idNode = resource.putObject(field);
        idNode.put("identifikatorverdi", id);
        return id;
    }

    /** The source system's own rules; one problem per broken rule. */
    private ArrayNode rules(ResourceType type, String op, String route, JsonNode resource) {
        ArrayNode problems = JSON.createArrayNode();
        if (resource == null) {
            return problems;
        }
        JsonNode elevnummer = resource.path("elevnummer").path("identifikatorverdi");
        if (type.modelClass().name().equals("Elev") && elevnummer.isTextual() && !elevnummer.textValue().matches("[0-9]+")) {
            problems.addObject().put("field", "elevnummer.identifikatorverdi").put("message", "elevnummer består bare av sifre")
                    .put("code", "DEMO-ELEVNUMMER");
        }
        if (type.modelClass().name().equals("Person")) {
            JsonNode f = resource.path("fodselsnummer").path("identifikatorverdi");
            if (!f.isTextual()) {
                problems.addObject().put("field", "fodselsnummer").put("message", "en person trenger et fødselsnummer")
                        .put("code", "DEMO-FODSELSNUMMER");
            } else if (!Fodselsnummer.validCheckDigits(f.textValue())) {
                problems.addObject().put("field", "fodselsnummer.identifikatorverdi").put("message", "ugyldig fødselsnummer")
                        .put("code", "DEMO-FODSELSNUMMER");
            }
        }
        if (op.equals("UPDATE") && route != null) {
            String field = route.substring(0, route.indexOf('/'));
            String value = route.substring(route.indexOf('/') + 1);
            String id = type.modelClass().identifiers().stream().filter(x -> x.equalsIgnoreCase(field)).findFirst().orElse(field);
            JsonNode v = resource.path(id).path("identifikatorverdi");
            if (!v.isTextual() || !v.textValue().equals(value)) {
                problems.addObject().put("field", id + ".identifikatorverdi").put("message", "oppdateringen må beholde " + field + " " + value)
                        .put("code", "DEMO-IDENTITET");
            }
        }
        return problems;
    }

    private static String failed(ObjectNode answer, String message) {
        answer.put("failed", true).put("errorMessage", message);
        return "failed";
    }
}
