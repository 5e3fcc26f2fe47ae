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
 * The provider keeps nothing of its own outside Kafka: contracts and sync sessions survive a restart
 * of the process (a sync started before the restart completes after it, and deletes its stale
 * resources once).
 */
@ExtendWith(KafkaBrokerExtension.class)
class ProviderRestartIT {

    private static final String ELEV_PAGE = """
            {"metadata":{"corrId":"%s","orgId":"provider-restart.no","adapterId":"provider-restart-adapter","totalSize":%d,"page":%d,"pageSize":%d,"totalPages":%d},
             "resources":[%s]}""";

    private static String entries(String... ids) {
        StringBuilder b = new StringBuilder();
        for (String id : ids) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append("{\"identifier\":\"").append(id).append("\",\"resource\":{\"systemId\":{\"identifikatorverdi\":\"").append(id).append("\"}}}");
        }
        return b.toString();
    }

    private static String page(String corrId, int totalSize, int page, int totalPages, String... ids) {
        return ELEV_PAGE.formatted(corrId, totalSize, page, ids.length, totalPages, entries(ids));
    }

    private static final String TOKEN = EphemeralIdp.shared().adapter("provider-restart.no", "utdanning-elev");

    @Test
    void contractsAndSyncSessionsSurviveARestart() {
        Map<String, String> config = Map.of("fint.kafka.bootstrap-servers", KafkaBrokerExtension.bootstrapServers());
        try (ServiceProcess provider = ServiceProcess.start("provider-restart-1", "provider", config)) {
            HttpResponse<String> r = Http.send("POST", provider.url() + "/provider/register", """
                    {"adapterId":"provider-restart-adapter","orgId":"provider-restart.no","capabilities":[
                      {"domainName":"utdanning","packageName":"elev","resourceName":"elev","fullSyncIntervalInDays":1}]}""", TOKEN);
            assertEquals(200, r.statusCode(), r.body());
            r = Http.send("POST", provider.url() + "/provider/utdanning/elev/elev", page("rs-1", 3, 1, 1, "a", "b", "c"), TOKEN);
            assertEquals(201, r.statusCode(), r.body());
            r = Http.send("POST", provider.url() + "/provider/utdanning/elev/elev", page("rs-2", 2, 1, 2, "a"), TOKEN);
            assertEquals(201, r.statusCode(), r.body());
        }
        try (ServiceProcess provider = ServiceProcess.start("provider-restart-2", "provider", config)) {
            // no new registration: the contract came back from Kafka
            HttpResponse<String> status = Http.get(provider.url() + "/provider/sync/rs-2", TOKEN);
            assertTrue(status.body().contains("\"state\":\"IN_PROGRESS\"") && status.body().contains("\"pagesMissing\":[2]"), status.body());
            HttpResponse<String> r = Http.send("POST", provider.url() + "/provider/utdanning/elev/elev", page("rs-2", 2, 2, 2, "b"), TOKEN);
            assertEquals(201, r.statusCode(), r.body());
            HttpResponse<String> done = Http.poll(provider.url() + "/provider/sync/rs-2", TOKEN,
                    x -> x.body().contains("\"state\":\"COMPLETED\""), Duration.ofSeconds(30));
            assertTrue(done.body().contains("\"resourcesDeleted\":1"), done.body());
            String first = Http.get(provider.url() + "/provider/sync/rs-1", TOKEN).body();
            assertTrue(first.contains("\"state\":\"COMPLETED\""), first);
            String adapters = Http.get(provider.url() + "/provider/adapter?orgId=provider-restart.no", TOKEN).body();
            assertTrue(adapters.contains("\"adapterId\":\"provider-restart-adapter\""), adapters);
        }
        try (ServiceProcess provider = ServiceProcess.start("provider-restart-3", "provider", config)) {
            String done = Http.get(provider.url() + "/provider/sync/rs-2", TOKEN).body();
            assertTrue(done.contains("\"state\":\"COMPLETED\"") && done.contains("\"resourcesDeleted\":1"), done);
        }
    }
}
