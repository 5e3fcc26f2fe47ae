package no.fint.platform.provider;

import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import no.fint.platform.auth.PrincipalKind;
import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.tokens.EphemeralIdp;
import no.fint.platform.tokens.TokenRequest;
import no.fint.platform.write.Operation;
import no.fint.platform.write.WriteEvent;
import no.fint.platform.write.WriteRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad polls and answers: each gets its status and a problem+json body naming what is wrong, and
 * nothing reaches Kafka (no lease, no answer on the write log, nothing on the entity topic), so no
 * client sees a result and no cache a resource.
 */
@ExtendWith(KafkaBrokerExtension.class)
@HelidonTest
class EventBadInputIT {

    static final String ORG = "badevent.no";
    static final String ENTITIES = "badevent-no.fint-core.entity.utdanning-elev";

    @Inject
    WebTarget target;

    String adapter;
    WriteRequest request;
    long logBefore;

    @BeforeEach
    void pending() {
        ProviderServiceIT.Await.ready(target);
        Writes.log(ORG);
        adapter = Adapters.register(target, ORG, "utdanning/elev/elev");
        request = Writes.request(ORG, "/utdanning/elev/elev", Operation.CREATE, null, Writes.elev("x"), 120_000);
        Writes.pollUntilSome(target, "/utdanning/elev/elev", ORG, adapter, 0);
        logBefore = TestKafka.count(Writes.bootstrap(), "badevent-no.fint-core.write-event");
    }

    /** Asserts the answer, that it is problem+json, and that nothing was written. */
    void refused(Response r, int status, String... inBody) {
        String body = r.readEntity(String.class);
        assertEquals(status, r.getStatus(), body);
        assertEquals("application/problem+json", r.getMediaType().toString());
        for (String s : inBody) {
            assertTrue(body.contains(s), body);
        }
        nothingWritten();
    }

    void nothingWritten() {
        assertEquals(logBefore, TestKafka.count(Writes.bootstrap(), "badevent-no.fint-core.write-event"), "nothing on the write log");
        assertEquals(0, TestKafka.count(Writes.bootstrap(), ENTITIES), "nothing on the entity topic");
        assertTrue(Writes.events(ORG, WriteEvent.Answered.class).isEmpty());
    }

    String answer(String extra) {
        return "{\"corrId\":\"" + request.corrId() + "\",\"orgId\":\"" + ORG + "\",\"adapterId\":\"" + adapter + "\"" + extra + "}";
    }

    @Test
    void anAnswerWithoutOperationTypeIs400() {
        refused(Writes.answer(target, answer(",\"value\":{\"identifier\":\"x\",\"resource\":" + Writes.elev("x") + "}")), 400,
                "\"field\":\"operationType\"", "missing");
    }

    @Test
    void anAnswerWithAnUnknownOperationTypeIs400() {
        refused(Writes.answer(target, answer(",\"operationType\":\"PATCH\"")), 400, "\"field\":\"operationType\"");
    }

    @Test
    void anAnswerForAnotherOrganisationIs409OrUnknownToItsAdapter() {
        String other = Adapters.register(target, "other-badevent.no", "utdanning/elev/elev");
        String answer = "{\"corrId\":\"" + request.corrId() + "\",\"orgId\":\"other-badevent.no\",\"adapterId\":\"" + other
                + "\",\"operationType\":\"CREATE\",\"value\":{\"identifier\":\"x\",\"resource\":" + Writes.elev("x") + "}}";
        // The other organisation's adapter token: the request does not exist for it.
        refused(Writes.answer(target, answer), 404, "Unknown write request");
        // A token naming both organisations, answering in the name of the other one: FINT v2's 409.
        Bearer.use(target, EphemeralIdp.shared().mint(EphemeralIdp.shared().request(PrincipalKind.ADAPTER,
                TokenRequest.defaultUsername(PrincipalKind.ADAPTER, "other-badevent.no"), List.of("other-badevent.no", ORG), "utdanning-elev")));
        refused(Writes.answer(target, answer), 409, "Another organisation's write request");
    }

    @Test
    void anAnswerFromAnAdapterWithoutTheCapabilityIs403() {
        String skole = Adapters.register(target, ORG, "utdanning/elev/skoleressurs");
        refused(Writes.answer(target, "{\"corrId\":\"" + request.corrId() + "\",\"orgId\":\"" + ORG + "\",\"adapterId\":\"" + skole
                + "\",\"operationType\":\"CREATE\",\"value\":{\"identifier\":\"x\",\"resource\":" + Writes.elev("x") + "}}"), 403,
                "does not declare the capability /utdanning/elev/elev");
    }

    @Test
    void anAnswerForAnUnknownCorrIdIs404() {
        refused(Writes.answer(target, "{\"corrId\":\"no-such-request\",\"orgId\":\"" + ORG + "\",\"adapterId\":\"" + adapter
                + "\",\"operationType\":\"CREATE\"}"), 404, "no-such-request");
    }

    @Test
    void anAcceptedCreateWithoutTheStoredResourceIs400() {
        refused(Writes.answer(target, answer(",\"operationType\":\"CREATE\",\"value\":{\"identifier\":\"x\"}")), 400,
                "\"field\":\"value.resource\"");
    }

    @Test
    void anAcceptedCreateWithAnInvalidResourceIs400() {
        refused(Writes.answer(target, answer(",\"operationType\":\"CREATE\",\"value\":{\"identifier\":\"x\",\"resource\":"
                + "{\"systemId\":{\"identifikatorverdi\":\"x\"},\"fornavn\":\"Ola\",\"gjest\":\"ja\"}}")), 400,
                "\"field\":\"value.resource.fornavn\"", "\"field\":\"value.resource.gjest\"");
    }

    @Test
    void anAnswerOfTheWrongOperationIs400() {
        refused(Writes.answer(target, answer(",\"operationType\":\"UPDATE\",\"value\":{\"identifier\":\"x\",\"resource\":"
                + Writes.elev("x") + "}")), 400, "is CREATE, not UPDATE");
    }

    @Test
    void twoVerdictsAtOnceAre400() {
        refused(Writes.answer(target, answer(",\"operationType\":\"CREATE\",\"failed\":true,\"rejected\":true")), 400,
                "at most one may be true");
    }

    @Test
    void invalidJsonIs400() {
        refused(target.path("/provider/event").request().post(Entity.json("{\"corrId\":")), 400, "Malformed JSON");
        refused(target.path("/provider/event").request().post(Entity.json("[1,2]")), 400, "Malformed JSON");
    }

    @Test
    void anOversizedAnswerIs413() {
        String big = "{\"corrId\":\"" + request.corrId() + "\",\"message\":\"" + "x".repeat(17 * 1024 * 1024) + "\"}";
        refused(target.path("/provider/event").request().post(Entity.json(big)), 413, "Payload Too Large");
        // without a declared length (chunked): refused while read
        refused(target.path("/provider/event").request().post(Entity.entity(
                new java.io.ByteArrayInputStream(big.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "application/json")), 413);
    }

    @Test
    void aPollForAnUnknownPathIs404AndForAnotherOrganisationOrAnUnregisteredAdapter403() {
        refused(Writes.poll(target, "/utdanning", "other-badevent.no", adapter, 0), 403, "is not one of the token's organisations");
        refused(Writes.poll(target, "/nope", ORG, adapter, 0), 404, "Unknown path");
        refused(Writes.poll(target, "/utdanning/elev/nope", ORG, adapter, 0), 404, "Unknown path");
        refused(Writes.poll(target, "/utdanning", ORG, "https://nobody.example/x", 0), 403, "no registered contract");
        // QA: a parameter out of its range was named "body"; the field is the parameter's name.
        refused(target.path("/provider/event/utdanning").queryParam("size", -1).request()
                .header("x-org-id", ORG).header("x-adapter-id", adapter).get(), 400, "\"field\":\"size\"");
        // a long poll waits 0 to 30,000 ms
        refused(target.path("/provider/event/utdanning").queryParam("wait", -1).request()
                .header("x-org-id", ORG).header("x-adapter-id", adapter).get(), 400, "\"field\":\"wait\"");
        refused(target.path("/provider/event/utdanning").queryParam("wait", 30_001).request()
                .header("x-org-id", ORG).header("x-adapter-id", adapter).get(), 400, "\"field\":\"wait\"");
        refused(target.path("/provider/event/utdanning").queryParam("wait", "soon").request()
                .header("x-org-id", ORG).header("x-adapter-id", adapter).get(), 400, "Query parameter wait is not a valid value");
        refused(target.path("/provider/event/utdanning").queryParam("size", "many").request()
                .header("x-org-id", ORG).header("x-adapter-id", adapter).get(), 400, "Query parameter size is not a valid value");
    }
}
