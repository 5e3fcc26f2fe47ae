package no.fint.platform.contract;

import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.tokens.EphemeralIdp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * REST (provider) -> Kafka (real broker) -> REST (consumer), each service its own process; the adapter
 * and the client send tokens of the test JVM's IdP. (Organisation e2e.no: the broker is shared by the
 * module's ITs, and ContractSuiteIT's golden files hold fint.no's whole data.)
 */
@ExtendWith(KafkaBrokerExtension.class)
class EndToEndIT {

    @Test
    void aPageSentToTheProviderIsServedByTheConsumer() {
        providerToConsumer(KafkaBrokerExtension.bootstrapServers());
    }

    /** The flow itself, against any Kafka cluster. */
    static void providerToConsumer(String bootstrapServers) {
        try (ServiceProcess provider = ServiceProcess.start("provider-e2e", "provider",
                Map.of("fint.kafka.bootstrap-servers", bootstrapServers));
             ServiceProcess consumer = ServiceProcess.start("consumer-e2e", "consumer",
                     Map.of("fint.kafka.bootstrap-servers", bootstrapServers, "fint.consumer.org-id", "e2e.no"))) {
            String adapter = EphemeralIdp.shared().adapter("e2e.no", "utdanning-elev");
            String client = EphemeralIdp.shared().client("e2e.no", "utdanning-elev");
            // An adapter registers its contract before it syncs (the provider enforces contracts).
            HttpResponse<String> registered = Http.send("POST", provider.url() + "/provider/register", """
                    {"adapterId":"demo","orgId":"e2e.no","heartbeatIntervalInMinutes":1,"capabilities":[
                      {"domainName":"utdanning","packageName":"elev","resourceName":"elev","fullSyncIntervalInDays":1}]}""", adapter);
            assertEquals(200, registered.statusCode(), registered.body());
            String page = """
                    {"metadata":{"corrId":"e2e-1","orgId":"e2e.no","adapterId":"demo","totalSize":1,"page":1,"pageSize":1,"totalPages":1},
                     "resources":[{"identifier":"a0611475","resource":{
                       "elevnummer":{"identifikatorverdi":"500001"},"systemId":{"identifikatorverdi":"a0611475"}}}]}""";
            HttpResponse<String> sent = Http.send("POST", provider.url() + "/provider/utdanning/elev/elev", page, adapter);
            assertEquals(201, sent.statusCode(), sent.body());

            HttpResponse<String> read = Http.poll(consumer.url() + "/utdanning/elev/elev/elevnummer/500001", client,
                    r -> r.statusCode() == 200, Duration.ofSeconds(20));
            assertEquals(200, read.statusCode(), read.body());
            assertTrue(read.body().contains("\"identifikatorverdi\":\"a0611475\""), read.body());
        }
    }
}
