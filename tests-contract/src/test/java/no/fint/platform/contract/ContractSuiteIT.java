package no.fint.platform.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.contract.golden.GoldenCase;
import no.fint.platform.contract.golden.GoldenTemplate;
import no.fint.platform.tokens.EphemeralIdp;
import no.fint.platform.auth.PrincipalKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The golden-file contract suite: the real stack (embedded broker; provider, relations and consumer as
 * their own processes), a fixed hand-written data set sent through the provider API as an adapter
 * sends it ({@code golden/script.txt}: contract, full-sync pages, deltas, a delete), and after each
 * step every golden file of that step ({@code golden/cases/<stack>/<step>/*.http}) compared with the
 * consumer's answer: status, Content-Type, Location and the whole body, byte for byte.
 * <p>
 * The golden files are written by hand from the FINT v1 consumer API reference, never captured from
 * this platform's output; each names the rule it proves in its first line. The mapping of the
 * reference's checklist to the files is in docs/architecture.md ("The contract suite").
 * <p>
 * Two stacks share the broker: {@code v4} (organisation rogfk.no, model 4.0.30, bearer tokens, base URL
 * https://beta.felleskomponent.no) and {@code v3} (organisation fint.no, model 3.21.10, FINT v1's
 * gateway arrangement with x-org-id/x-client headers, the default base URL).
 * <p>
 * Client writes: a golden file may carry a request body ({@code < data/...}); a write (POST, PUT,
 * DELETE) is sent once, not retried (a second one would be another write); a {@code {{uuid:NAME}}} in
 * its {@code Location} remembers the write's corrId, which later status cases
 * ({@code /status/{{var:NAME}}}) and the script's {@code answer} step use. There the test plays the
 * adapter: it polls the stack's provider for pending requests (FINT v2 {@code RequestFintEvent}) with
 * the adapter's token until the write's corrId came, then posts the answer file
 * ({@code ResponseFintEvent}) to {@code /provider/event}.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ContractSuiteIT {

    static final Path GOLDEN = ServiceProcess.repoRoot().resolve("tests-contract/src/test/resources/golden");
    static final Duration SETTLE = Duration.ofSeconds(30);
    /** Requests a golden file is retried with until the eventually consistent stack answers as written. */
    static final Set<String> RETRIED = Set.of("GET", "HEAD", "OPTIONS");
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern MORE_PAGES = Pattern.compile("\"pagesMissing\":\\[\\d");

    /** One organisation's provider and consumer, and the tokens its adapter and clients send. */
    record Stack(String org, ServiceProcess provider, ServiceProcess consumer, String adapterToken, String clientToken) {
    }

    static ServiceProcess relations;
    static final Map<String, Stack> STACKS = new HashMap<>();
    static final List<ServiceProcess> PROCESSES = new ArrayList<>();
    /** Values captured by earlier golden files ({{ms:NAME}}) for later ones ({{var:NAME}}). */
    static final Map<String, String> VARS = new HashMap<>();
    /** The write requests the test, as the adapter, got from a provider's poll, by corrId (each is leased once). */
    static final Map<String, String> POLLED = new HashMap<>();

    static final String[] COMPONENTS = {"utdanning-elev", "utdanning-utdanningsprogram", "utdanning-kodeverk", "felles-kodeverk-iso"};

    @BeforeAll
    static void startStacks() {
        String bootstrap = KafkaBrokerExtension.bootstrapServers();
        relations = started(ServiceProcess.start("contract-relations", "relations", Map.of("fint.kafka.bootstrap-servers", bootstrap)));
        ServiceProcess p4 = started(ServiceProcess.start("contract-provider-v4", "provider", Map.of("fint.kafka.bootstrap-servers", bootstrap)));
        // DELETE where configured (v1 generated none); skoleressurs writes expire after 3 s (nobody answers them)
        ServiceProcess c4 = started(ServiceProcess.start("contract-consumer-v4", "consumer", Map.of("fint.kafka.bootstrap-servers", bootstrap,
                "fint.consumer.org-id", "rogfk.no", "fint.consumer.base-url", "https://beta.felleskomponent.no",
                "fint.consumer.deletable", "/utdanning/elev/elev", "fint.consumer.write.ttl.utdanning.elev.skoleressurs", "PT3S")));
        STACKS.put("v4", new Stack("rogfk.no", p4, c4, EphemeralIdp.shared().adapter("rogfk.no", COMPONENTS),
                EphemeralIdp.shared().mint(EphemeralIdp.shared().request(PrincipalKind.CLIENT, "golden-client", List.of("rogfk.no"), COMPONENTS))));
        ServiceProcess p3 = started(ServiceProcess.start("contract-provider-v3", "provider", Map.of("fint.kafka.bootstrap-servers", bootstrap,
                "fint.model.version", "3.21.10")));
        ServiceProcess c3 = started(ServiceProcess.start("contract-consumer-v3", "consumer", Map.of("fint.kafka.bootstrap-servers", bootstrap,
                "fint.consumer.org-id", "fint.no", "fint.model.version", "3.21.10", "fint.consumer.trust-gateway-headers", "true")));
        // The v3 consumer trusts the gateway's headers: its golden files send x-org-id/x-client, no token.
        STACKS.put("v3", new Stack("fint.no", p3, c3, EphemeralIdp.shared().adapter("fint.no", COMPONENTS), null));
    }

    private static ServiceProcess started(ServiceProcess p) {
        PROCESSES.add(p);
        return p;
    }

    @AfterAll
    static void stop() {
        for (int i = PROCESSES.size() - 1; i >= 0; i--) {
            PROCESSES.get(i).close();
        }
    }

    @TestFactory
    Stream<DynamicTest> goldenFiles() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(GOLDEN.resolve("script.txt"), StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] w = l.split("\\s+");
            switch (w[0]) {
                case "send" -> tests.add(DynamicTest.dynamicTest(l, () -> send(w[1], w[2], w[3], w[4], Integer.parseInt(w[5]))));
                case "answer" -> tests.add(DynamicTest.dynamicTest(l, () -> answer(w[1], w[2], w[3], w[4], Integer.parseInt(w[5]))));
                case "check" -> {
                    Path dir = GOLDEN.resolve("cases").resolve(w[1]);
                    try (Stream<Path> files = Files.list(dir)) {
                        for (Path f : files.filter(p -> p.toString().endsWith(".http")).sorted().toList()) {
                            String stack = w[1].substring(0, w[1].indexOf('/'));
                            tests.add(DynamicTest.dynamicTest(GOLDEN.relativize(f).toString(), f.toUri(), () -> check(stack, GoldenCase.read(f))));
                        }
                    }
                }
                default -> throw new IllegalArgumentException("script.txt: unknown step " + l);
            }
        }
        return tests.stream();
    }

    /** What an adapter does: a request with a body from golden/data to the stack's provider. */
    static void send(String stack, String method, String path, String dataFile, int expected) throws IOException {
        Stack s = STACKS.get(stack);
        String body = Files.readString(GOLDEN.resolve(dataFile), StandardCharsets.UTF_8);
        HttpResponse<String> r = Http.send(method, s.provider().url() + path, body, s.adapterToken());
        assertEquals(expected, r.statusCode(), method + " " + path + " " + dataFile + ": " + r.body());
        if (path.startsWith("/provider/") && !path.equals("/provider/register") && r.headers().firstValue("Location").isPresent()) {
            // Full syncs complete (and delete what they did not hold) asynchronously; wait for the sync's end.
            String corrId = r.headers().firstValue("Location").get().replaceAll(".*/", "");
            // (a sync still missing pages waits for the adapter's next page, not for the provider)
            Predicate<HttpResponse<String>> settled = x -> !x.body().contains("\"IN_PROGRESS\"") || MORE_PAGES.matcher(x.body()).find();
            HttpResponse<String> st = Http.poll(s.provider().url() + "/provider/sync/" + corrId, s.adapterToken(), settled, SETTLE);
            assertTrue(settled.test(st) && !st.body().contains("\"FAILED\""), st.body());
        }
    }

    /**
     * What an adapter does with a client's write: polls {@code pollPath} (e.g.
     * {@code /provider/event/utdanning/elev/elev}) until the request remembered as {@code name} came (a
     * poll leases every pending request it returns, so the requests of earlier polls are kept), then
     * posts the answer ({@code {{var:NAME}}} replaced) to {@code /provider/event}.
     */
    static void answer(String stack, String name, String pollPath, String dataFile, int expected) throws Exception {
        Stack s = STACKS.get(stack);
        String corrId = VARS.get(name);
        assertTrue(corrId != null, "no earlier case captured {{uuid:" + name + "}}");
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!POLLED.containsKey(corrId)) {
            HttpResponse<String> r = Http.get(s.provider().url() + pollPath, s.adapterToken());
            assertEquals(200, r.statusCode(), "GET " + pollPath + ": " + r.body());
            for (var request : JSON.readTree(r.body())) {
                POLLED.put(request.path("corrId").asText(), request.toString());
            }
            if (System.nanoTime() > deadline) {
                fail("GET " + pollPath + " never returned the write " + name + " (" + corrId + "); polled: " + POLLED.keySet());
            }
            if (!POLLED.containsKey(corrId)) {
                Thread.sleep(100);
            }
        }
        String body = GoldenTemplate.substitute(Files.readString(GOLDEN.resolve(dataFile), StandardCharsets.UTF_8), VARS);
        HttpResponse<String> r = Http.send("POST", s.provider().url() + "/provider/event", body, s.adapterToken());
        assertEquals(expected, r.statusCode(), "POST /provider/event " + dataFile + " for " + POLLED.get(corrId) + ": " + r.body());
    }

    /**
     * Sends the golden file's request to the stack's consumer until the answer matches (the stack is
     * eventually consistent: a page reaches the consumer, and relation edges arrive, within moments);
     * after {@link #SETTLE} fails with the readable difference of the last answer.
     */
    static void check(String stack, GoldenCase c) throws InterruptedException {
        Stack s = STACKS.get(stack);
        long deadline = System.nanoTime() + SETTLE.toNanos();
        String problem;
        while (true) {
            problem = compare(s, c).orElse(null);
            if (problem == null) {
                return;
            }
            // a write is sent once: a second one would be another write
            if (!RETRIED.contains(c.method())) {
                break;
            }
            if (System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(250);
        }
        fail(GOLDEN.relativize(c.file()) + " (" + c.note() + ")\n" + c.method() + " " + c.path() + "\n" + problem);
    }

    static Optional<String> compare(Stack s, GoldenCase c) {
        String path = GoldenTemplate.substitute(c.path(), VARS);
        HttpRequest.BodyPublisher requestBody = HttpRequest.BodyPublishers.noBody();
        if (c.requestBodyFile() != null) {
            try {
                requestBody = HttpRequest.BodyPublishers.ofString(GoldenTemplate.substitute(
                        Files.readString(GOLDEN.resolve(c.requestBodyFile()), StandardCharsets.UTF_8), VARS), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.consumer().url() + path)).timeout(Duration.ofSeconds(20))
                .method(c.method(), requestBody);
        if (s.clientToken() != null && !"none".equals(c.requestHeaders().get("Authorization"))) {
            b.header("Authorization", "Bearer " + s.clientToken());
        }
        c.requestHeaders().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Authorization")) {
                b.header(k, GoldenTemplate.substitute(v, VARS));
            }
        });
        HttpResponse<byte[]> r;
        try {
            r = Http.client().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String body;
        try {
            body = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(r.body())).toString();
        } catch (CharacterCodingException e) {
            return Optional.of("the body is not valid UTF-8: " + e);
        }
        StringBuilder problems = new StringBuilder();
        if (r.statusCode() != c.status()) {
            problems.append("status: expected ").append(c.status()).append(", was ").append(r.statusCode()).append('\n');
        }
        Map<String, String> want = new HashMap<>(c.responseHeaders());
        want.putIfAbsent("content-type", null);
        want.putIfAbsent("location", null);
        Map<String, String> captured = new HashMap<>(VARS);
        want.forEach((name, value) -> {
            String got = r.headers().firstValue(name).orElse(null);
            // a header value is a template too: a write's Location names its corrId ({{uuid:NAME}})
            boolean same = value == null ? got == null : got != null && new GoldenTemplate(value).match(got, captured).isEmpty();
            if (!same) {
                problems.append(name.toLowerCase(Locale.ROOT)).append(": expected ").append(value == null ? "(none)" : value)
                        .append(", was ").append(got == null ? "(none)" : got).append('\n');
            }
        });
        Optional<String> bodyProblem = new GoldenTemplate(c.body()).match(body, captured);
        bodyProblem.ifPresent(p -> problems.append("body: ").append(p));
        if (problems.isEmpty()) {
            VARS.putAll(captured);
            return Optional.empty();
        }
        return Optional.of(problems.toString());
    }
}
