package no.fint.platform.contract;

import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.tokens.EphemeralIdp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 6 as a client sees it: an adapter sends only the owning side of a relation (elevforhold to
 * elev and skole) through the provider; the consumer's API shows the inverse links on elev and skole,
 * and keeps them right through an arrival out of order, a lookup by another identifier, an update of
 * the target by its adapter, a target that already carries the link, a move, a delete, and restarts of
 * the consumer (graceful, and SIGKILL with changes sent while it is down). Whole bodies are compared.
 */
@ExtendWith(KafkaBrokerExtension.class)
class InverseLinksThroughConsumerIT {

    static final String ORG = "inverse.no";
    static final String B = "https://api.felleskomponent.no";
    static final String ADAPTER = EphemeralIdp.shared().adapter(ORG, "utdanning-elev", "utdanning-utdanningsprogram");
    static final String CLIENT = EphemeralIdp.shared().client(ORG, "utdanning-elev", "utdanning-utdanningsprogram");
    static final Duration WAIT = Duration.ofSeconds(30);

    ServiceProcess provider;
    ServiceProcess consumer;
    int corr;

    @Test
    void theConsumerShowsInverseLinksOnlyTheOwningSideWasSentFor() {
        String bootstrap = KafkaBrokerExtension.bootstrapServers();
        Map<String, String> consumerConfig = Map.of("fint.kafka.bootstrap-servers", bootstrap, "fint.consumer.org-id", ORG,
                "fint.consumer.components", "utdanning/elev,utdanning/utdanningsprogram");
        try (ServiceProcess relations = ServiceProcess.start("inverse-relations", "relations", Map.of("fint.kafka.bootstrap-servers", bootstrap));
             ServiceProcess p = ServiceProcess.start("inverse-provider", "provider", Map.of("fint.kafka.bootstrap-servers", bootstrap))) {
            provider = p;
            consumer = ServiceProcess.start("inverse-consumer-1", "consumer", consumerConfig);
            try {
                ok(Http.send("POST", provider.url() + "/provider/register", """
                        {"adapterId":"inverse-adapter","orgId":"inverse.no","capabilities":[
                          {"domainName":"utdanning","packageName":"elev","resourceName":"elev","fullSyncIntervalInDays":1},
                          {"domainName":"utdanning","packageName":"elev","resourceName":"elevforhold","fullSyncIntervalInDays":1},
                          {"domainName":"utdanning","packageName":"utdanningsprogram","resourceName":"skole","fullSyncIntervalInDays":1}]}""", ADAPTER));

                // The source arrives before its targets and names the elev by elevnummer, the skole by skolenummer.
                delta("elev/elevforhold", "EF1", elevforhold("EF1", "${utdanning.elev.elev}/elevnummer/600001"));
                await("/utdanning/elev/elevforhold/systemid/EF1", elevforholdBody("EF1", "/utdanning/elev/elev/elevnummer/600001"));
                delta("elev/elev", "E1", elev("E1", "600001", ""));
                delta("elev/elev", "E2", elev("E2", "600002", ""));
                delta("utdanningsprogram/skole", "SK1", """
                        {"navn":"Skole","skolenummer":{"identifikatorverdi":"11111"},"systemId":{"identifikatorverdi":"SK1"}}""");
                String e1Linked = elevBody("E1", "600001", "", "EF1");
                await("/utdanning/elev/elev/systemid/E1", e1Linked);
                await("/utdanning/elev/elev/systemid/E2", elevBody("E2", "600002", "", null));
                await("/utdanning/utdanningsprogram/skole/systemid/SK1", skoleBody("EF1"));

                // The elev's adapter updates it without knowing the inverse link: the link stays.
                delta("elev/elev", "E1", elev("E1", "600001", ",\"kontaktinformasjon\":{\"mobiltelefonnummer\":\"90000001\"}"));
                e1Linked = elevBody("E1", "600001", ",\"kontaktinformasjon\":{\"mobiltelefonnummer\":\"90000001\"}", "EF1");
                await("/utdanning/elev/elev/systemid/E1", e1Linked);
                // An adapter that sends the inverse side itself (by systemid) gets no duplicate.
                delta("elev/elev", "E1", elev("E1", "600001", ",\"kontaktinformasjon\":{\"mobiltelefonnummer\":\"90000001\"},"
                        + "\"_links\":{\"elevforhold\":[{\"href\":\"/utdanning/elev/elevforhold/systemid/EF1\"}]}"));
                await("/utdanning/elev/elev/systemid/E1", e1Linked);

                // A graceful restart of the consumer: the same bytes once it is ready.
                consumer.close();
                consumer = ServiceProcess.start("inverse-consumer-2", "consumer", consumerConfig);
                assertEquals(e1Linked, get("/utdanning/elev/elev/systemid/E1").body());
                assertEquals(skoleBody("EF1"), get("/utdanning/utdanningsprogram/skole/systemid/SK1").body());

                // Killed in the middle: the elevforhold moves to E2 while the consumer is down.
                consumer.kill();
                delta("elev/elevforhold", "EF1", elevforhold("EF1", "${utdanning.elev.elev}/systemid/E2"));
                consumer = ServiceProcess.start("inverse-consumer-3", "consumer", consumerConfig);
                await("/utdanning/elev/elev/systemid/E2", elevBody("E2", "600002", "", "EF1"));
                await("/utdanning/elev/elev/systemid/E1", elevBody("E1", "600001", ",\"kontaktinformasjon\":{\"mobiltelefonnummer\":\"90000001\"}", null)
                        .replace("\"_links\":{\"self\"", "\"_links\":{\"elevforhold\":[{\"href\":\"" + B + "/utdanning/elev/elevforhold/systemid/EF1\"}],\"self\""));
                await("/utdanning/utdanningsprogram/skole/systemid/SK1", skoleBody("EF1"));

                // Deleted: every inverse link to it disappears (E1 keeps only the link its own adapter sent).
                ok(Http.send("DELETE", provider.url() + "/provider/utdanning/elev/elevforhold",
                        "{\"metadata\":{\"corrId\":\"inverse-del\",\"orgId\":\"inverse.no\",\"adapterId\":\"inverse-adapter\"},\"resources\":[{\"identifier\":\"EF1\"}]}", ADAPTER));
                await("/utdanning/elev/elev/systemid/E2", elevBody("E2", "600002", "", null));
                await("/utdanning/utdanningsprogram/skole/systemid/SK1", skoleBody(null));
                consumer.close();
                consumer = ServiceProcess.start("inverse-consumer-4", "consumer", consumerConfig);
                assertEquals(elevBody("E2", "600002", "", null), get("/utdanning/elev/elev/systemid/E2").body());
                assertEquals(skoleBody(null), get("/utdanning/utdanningsprogram/skole/systemid/SK1").body());
            } finally {
                consumer.close();
            }
        }
    }

    static String elevforhold(String id, String elevHref) {
        return "{\"beskrivelse\":\"x\",\"systemId\":{\"identifikatorverdi\":\"" + id + "\"},\"_links\":{\"elev\":[{\"href\":\"" + elevHref
                + "\"}],\"skole\":[{\"href\":\"${utdanning.utdanningsprogram.skole}/skolenummer/11111\"}]}}";
    }

    static String elevforholdBody(String id, String elevPath) {
        return "{\"beskrivelse\":\"x\",\"systemId\":{\"identifikatorverdi\":\"" + id + "\"},\"_links\":{\"elev\":[{\"href\":\"" + B + elevPath
                + "\"}],\"skole\":[{\"href\":\"" + B + "/utdanning/utdanningsprogram/skole/skolenummer/11111\"}],\"self\":[{\"href\":\"" + B
                + "/utdanning/elev/elevforhold/systemid/" + id + "\"}]}}";
    }

    static String elev(String id, String nr, String more) {
        return "{\"elevnummer\":{\"identifikatorverdi\":\"" + nr + "\"},\"systemId\":{\"identifikatorverdi\":\"" + id + "\"}" + more + "}";
    }

    /** The served elev: elevnummer, then {@code kontakt} (kontaktinformasjon, or empty), systemId, inverse link, self links. */
    static String elevBody(String id, String nr, String kontakt, String elevforhold) {
        String attrs = "{\"elevnummer\":{\"identifikatorverdi\":\"" + nr + "\"}" + kontakt + ",\"systemId\":{\"identifikatorverdi\":\"" + id + "\"}";
        String links = elevforhold == null ? "" : "\"elevforhold\":[{\"href\":\"" + B + "/utdanning/elev/elevforhold/systemid/" + elevforhold + "\"}],";
        return attrs + ",\"_links\":{" + links + "\"self\":[{\"href\":\"" + B + "/utdanning/elev/elev/elevnummer/" + nr + "\"},{\"href\":\"" + B
                + "/utdanning/elev/elev/systemid/" + id + "\"}]}}";
    }

    static String skoleBody(String elevforhold) {
        String links = elevforhold == null ? "" : "\"elevforhold\":[{\"href\":\"" + B + "/utdanning/elev/elevforhold/systemid/" + elevforhold + "\"}],";
        String s = B + "/utdanning/utdanningsprogram/skole/";
        return "{\"navn\":\"Skole\",\"skolenummer\":{\"identifikatorverdi\":\"11111\"},\"systemId\":{\"identifikatorverdi\":\"SK1\"},\"_links\":{" + links
                + "\"self\":[{\"href\":\"" + s + "skolenummer/11111\"},{\"href\":\"" + s + "systemid/SK1\"}]}}";
    }

    void delta(String pathAfterUtdanning, String identifier, String resource) {
        String page = "{\"metadata\":{\"corrId\":\"inverse-" + (++corr) + "\",\"orgId\":\"inverse.no\",\"adapterId\":\"inverse-adapter\"},"
                + "\"resources\":[{\"identifier\":\"" + identifier + "\",\"resource\":" + resource + "}]}";
        ok(Http.send("PATCH", provider.url() + "/provider/utdanning/" + pathAfterUtdanning, page, ADAPTER));
    }

    static void ok(HttpResponse<String> r) {
        if (r.statusCode() / 100 != 2) {
            throw new AssertionError(r.statusCode() + " " + r.body());
        }
    }

    HttpResponse<String> get(String path) {
        return Http.get(consumer.url() + path, CLIENT);
    }

    /** Waits until the consumer serves exactly {@code expected}; fails with the last answer otherwise. */
    void await(String path, String expected) {
        HttpResponse<String> r = Http.poll(consumer.url() + path, CLIENT, x -> x.body().equals(expected), WAIT);
        assertEquals(expected, r.body(), path);
    }
}
