package no.fint.platform.provider;

import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import no.fint.platform.broker.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A full sync that stops sending pages fails after the (configurable) abandon time and deletes nothing. */
@ExtendWith(KafkaBrokerExtension.class)
@HelidonTest
@AddConfig(key = "fint.provider.sync.abandon-after", value = "PT2S")
@AddConfig(key = "fint.provider.sync.sweep-interval", value = "PT0.3S")
class AbandonedSyncIT {

    @Inject
    WebTarget target;

    @Test
    void anAbandonedFullSyncFailsAndDeletesNothing() {
        ProviderServiceIT.Await.ready(target);
        String org = "abandoned.no";
        String adapter = Adapters.register(target, org, "utdanning/elev/elev");
        HttpResponse<String> seed = Adapters.send(target, "POST", "/provider/utdanning/elev/elev",
                Adapters.page("ab-seed", org, adapter, 3, 1, 1, Adapters.elevs("a", "b", "c")));
        assertEquals(201, seed.statusCode(), seed.body());
        Adapters.awaitState(target, "ab-seed", "COMPLETED");

        HttpResponse<String> first = Adapters.send(target, "POST", "/provider/utdanning/elev/elev",
                Adapters.page("ab-1", org, adapter, 2, 1, 2, Adapters.elevs("a")));
        assertEquals(201, first.statusCode(), first.body());
        String failed = Adapters.awaitState(target, "ab-1", "FAILED");
        assertTrue(failed.contains("abandoned: no page for PT2S (1 of 2 pages received); nothing was deleted"), failed);
        assertTrue(failed.contains("\"pagesMissing\":[2]"), failed);

        HttpResponse<String> late = Adapters.send(target, "POST", "/provider/utdanning/elev/elev",
                Adapters.page("ab-1", org, adapter, 2, 2, 2, List.of(Adapters.elev("b"))));
        assertEquals(409, late.statusCode(), late.body());
        assertTrue(TestKafka.read(KafkaBrokerExtension.bootstrapServers(), "abandoned-no.fint-core.entity.utdanning-elev")
                .stream().noneMatch(TestKafka.Rec::tombstone), "an abandoned sync deletes nothing");
    }
}
