package no.fint.platform.demo.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.fint.platform.demo.DataSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo adapter's verdicts on write requests, against a recording stand-in of the provider. */
class WriteAnswererTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final DataSet DATA = DataSet.of(DataSet.Size.SMALL, 1);

    FakeProvider provider;
    WriteAnswerer answerer;
    final List<JsonNode> pending = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        provider = new FakeProvider();
        provider.answer(r -> {
            if (r.method().equals("GET") && r.path().equals("/provider/event/utdanning")) {
                ArrayNode a = JSON.createArrayNode();
                a.addAll(pending);
                pending.clear();
                return new FakeProvider.Answer(200, "application/json", a.toString(), null);
            }
            if (r.method().equals("GET") && r.path().startsWith("/provider/event/")) {
                return new FakeProvider.Answer(200, "application/json", "[]", null);
            }
            return FakeProvider.Answer.of(200);
        });
        AdapterSettings settings = AdapterSettings.defaults("fint.no").withProvider(provider.url());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        answerer = new WriteAnswerer(new ProviderClient(settings.provider(), new StopSignal(), new Console(new PrintStream(out, true, StandardCharsets.UTF_8))),
                settings, WriteSettings.defaults(), DATA, new Console(new PrintStream(out, true, StandardCharsets.UTF_8)));
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    /** Offers one request, polls, returns the answer the adapter posted. */
    JsonNode answer(String op, String query, String value) {
        ObjectNode r = request(op, query, value);
        pending.add(r);
        int before = provider.requests("POST", "/provider/event").size();
        assertEquals(1, answerer.pollOnce());
        List<FakeProvider.Request> posts = provider.requests("POST", "/provider/event");
        assertEquals(before + 1, posts.size());
        JsonNode a = posts.get(posts.size() - 1).json();
        assertEquals(r.get("corrId").asText(), a.get("corrId").asText());
        assertEquals("fint.no", a.get("orgId").asText());
        assertEquals(AdapterSettings.defaultAdapterId("fint.no"), a.get("adapterId").asText());
        assertEquals(op, a.get("operationType").asText());
        assertTrue(a.get("handledAt").asLong() > 0);
        return a;
    }

    static String existingElev() throws Exception {
        Iterator<DataSet.Entry> it = DATA.entries(DATA.type("/utdanning/elev/elev"));
        return JSON.readTree(it.next().json()).path("systemId").path("identifikatorverdi").asText();
    }

    @Test
    void aCreateIsAcceptedWithASystemIdAssigned() {
        JsonNode a = answer("CREATE", null, "{\"elevnummer\":{\"identifikatorverdi\":\"123\"}}");
        assertFalse(a.path("failed").asBoolean() || a.path("rejected").asBoolean() || a.path("conflicted").asBoolean(), a.toString());
        String id = a.path("value").path("identifier").asText();
        assertTrue(id.startsWith("demo-"), a.toString());
        assertEquals(id, a.path("value").path("resource").path("systemId").path("identifikatorverdi").asText());
        assertEquals("123", a.path("value").path("resource").path("elevnummer").path("identifikatorverdi").asText());
        // and the source system has it now: an update by elevnummer finds it
        JsonNode u = answer("UPDATE", "elevnummer/123", "{\"systemId\":{\"identifikatorverdi\":\"" + id + "\"},\"elevnummer\":{\"identifikatorverdi\":\"123\"}}");
        assertFalse(u.path("rejected").asBoolean(), u.toString());
        assertEquals(id, u.path("value").path("identifier").asText());
        JsonNode d = answer("DELETE", "systemid/" + id, null);
        assertEquals(id, d.path("value").path("identifier").asText());
        JsonNode gone = answer("DELETE", "systemid/" + id, null);
        assertTrue(gone.path("rejected").asBoolean());
        assertEquals("NOT_FOUND", gone.path("statusCode").asText());
    }

    @Test
    void updatesOfTheDataSetAreAcceptedAndOfUnknownResourcesRejectedAsNotFound() throws Exception {
        String id = existingElev();
        JsonNode ok = answer("UPDATE", "systemid/" + id, "{\"systemId\":{\"identifikatorverdi\":\"" + id + "\"}}");
        assertFalse(ok.path("rejected").asBoolean(), ok.toString());
        assertEquals(id, ok.path("value").path("identifier").asText());
        JsonNode missing = answer("UPDATE", "systemid/nope", "{\"systemId\":{\"identifikatorverdi\":\"nope\"}}");
        assertTrue(missing.path("rejected").asBoolean());
        assertEquals("NOT_FOUND", missing.path("statusCode").asText());
        assertEquals("Elev systemid/nope finnes ikke", missing.path("rejectReason").asText());
    }

    @Test
    void brokenRulesAreRejectedWithOneProblemEach() throws Exception {
        String id = existingElev();
        JsonNode a = answer("UPDATE", "systemid/" + id, "{\"systemId\":{\"identifikatorverdi\":\"other\"},\"elevnummer\":{\"identifikatorverdi\":\"12a\"}}");
        assertTrue(a.path("rejected").asBoolean(), a.toString());
        assertFalse(a.has("statusCode"), "rule breaches are 400s");
        assertEquals(2, a.path("problems").size(), a.toString());
        assertEquals("DEMO-ELEVNUMMER", a.path("problems").get(0).path("code").asText());
        assertEquals("DEMO-IDENTITET", a.path("problems").get(1).path("code").asText());
        JsonNode v = answer("VALIDATE", null, "{\"elevnummer\":{\"identifikatorverdi\":\"x\"}}");
        assertTrue(v.path("rejected").asBoolean());
        JsonNode ok = answer("VALIDATE", null, "{\"elevnummer\":{\"identifikatorverdi\":\"1\"}}");
        assertFalse(ok.path("rejected").asBoolean());
        assertFalse(ok.has("value"), "a validation stores nothing");
    }

    @Test
    void theMarkersGiveAConflictAndAnError() {
        JsonNode c = answer("CREATE", null, "{\"elevnummer\":{\"identifikatorverdi\":\"1\"},\"feidenavn\":{\"identifikatorverdi\":\"KONFLIKT\"}}");
        assertTrue(c.path("conflicted").asBoolean(), c.toString());
        assertTrue(c.path("value").path("resource").path("systemId").isObject(), "the version the source system holds");
        JsonNode e = answer("CREATE", null, "{\"feidenavn\":{\"identifikatorverdi\":\"FEIL\"}}");
        assertTrue(e.path("failed").asBoolean(), e.toString());
        assertTrue(e.path("errorMessage").asText().contains("FEIL"));
    }

    @Test
    void theRequestsOfOnePollAreAnsweredInParallelAndThoseOfOneResourceInOrder() throws Exception {
        String id = existingElev();
        java.util.concurrent.CountDownLatch three = new java.util.concurrent.CountDownLatch(3);
        java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        var standard = provider.answers();
        provider.answer(r -> {
            if (!r.method().equals("POST")) {
                return standard.apply(r);
            }
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            three.countDown();
            try {
                // Held until three answers are in the air at once; in sequence the first would wait here alone.
                three.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return FakeProvider.Answer.of(200);
        });
        for (int i = 0; i < 3; i++) {
            pending.add(request("CREATE", null, "{\"elevnummer\":{\"identifikatorverdi\":\"" + (500 + i) + "\"}}"));
        }
        pending.add(request("UPDATE", "systemid/" + id, "{\"systemId\":{\"identifikatorverdi\":\"" + id + "\"}}"));
        pending.add(request("DELETE", "systemid/" + id, null));
        assertEquals(5, answerer.pollOnce());
        assertTrue(most.get() >= 3, "answers in the air at once: " + most.get());
        List<String> ops = provider.requests("POST", "/provider/event").stream().map(r -> r.json().get("operationType").asText())
                .filter(op -> !op.equals("CREATE")).toList();
        assertEquals(List.of("UPDATE", "DELETE"), ops, "one resource's requests in the order they came");
    }

    @Test
    void eachDomainIsLongPolledAtOnceAndAProviderThatAnswersAtOnceIsNotPolledMoreOftenThanTheInterval() {
        answerer = new WriteAnswerer(new ProviderClient(AdapterSettings.defaults("fint.no").withProvider(provider.url()).provider(), new StopSignal(),
                new Console(new PrintStream(new ByteArrayOutputStream()))), AdapterSettings.defaults("fint.no").withProvider(provider.url()),
                WriteSettings.defaults().withPoll(java.time.Duration.ofMillis(400)), DATA, new Console(new PrintStream(new ByteArrayOutputStream())));
        List<Long> pauses = new CopyOnWriteArrayList<>();
        answerer.pauseWith(pauses::add);
        assertEquals(0, answerer.pollOnce(), "nothing pending");
        List<FakeProvider.Request> polls = provider.requests("GET", "/provider/event/");
        assertTrue(polls.size() > 1, "every domain of the data set");
        assertEquals(polls.size(), polls.stream().map(FakeProvider.Request::path).distinct().count(), "each once");
        assertTrue(polls.stream().allMatch(r -> "wait=400".equals(r.query())), "a long poll of the interval: " + polls);
        // The stand-in answers at once, as FINT v2 does: the empty round is stretched to the interval.
        assertEquals(1, pauses.size());
        assertTrue(pauses.get(0) > 0 && pauses.get(0) <= 400_000_000L, "paused " + pauses.get(0) + " ns");
        // A round that brought requests is followed by the next at once.
        pending.add(request("VALIDATE", null, "{}"));
        assertEquals(1, answerer.pollOnce());
        assertEquals(1, pauses.size());
    }

    ObjectNode request(String op, String query, String value) {
        ObjectNode r = JSON.createObjectNode().put("corrId", "c-" + pending.size() + "-" + System.nanoTime()).put("orgId", "fint.no")
                .put("domainName", "utdanning").put("packageName", "elev").put("resourceName", "elev").put("operationType", op)
                .put("created", 1).put("timeToLive", 2);
        if (query != null) {
            r.put("query", query);
        }
        if (value != null) {
            r.put("value", value);
        }
        return r;
    }
}
