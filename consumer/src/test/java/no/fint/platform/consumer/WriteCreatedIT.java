package no.fint.platform.consumer;

import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.model.Component;
import no.fint.platform.tokens.EphemeralIdp;
import no.fint.platform.write.ResponseStatus;
import no.fint.platform.write.WriteAnswer;
import no.fint.platform.write.WriteEvent;
import no.fint.platform.write.WriteRequest;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * v1's {@code fint.consumer.status.created=true}: an accepted create or update is 201 Created instead
 * of 303, with the same {@code Location} and body, also only once the cache holds the adapter's version.
 */
@ExtendWith(KafkaBrokerExtension.class)
@HelidonTest
@AddConfig(key = "fint.consumer.org-id", value = "created.no")
@AddConfig(key = "fint.consumer.components", value = "utdanning/elev")
@AddConfig(key = "fint.consumer.status.created", value = "true")
class WriteCreatedIT {

    static final Component ELEV = Component.parse("utdanning/elev");
    static final String TOKEN = EphemeralIdp.shared().client("created.no", "utdanning-elev");
    static Feed feed;
    static WriteLog log;

    @Inject
    WebTarget target;

    @BeforeAll
    static void topics() {
        feed = new Feed("created.no").topics(ELEV);
        log = new WriteLog("created.no");
    }

    @AfterAll
    static void close() {
        feed.close();
        log.close();
    }

    HttpResponse<String> send(String method, String path, String body) {
        return new TestHttp(target).json(method, path, body, TOKEN);
    }

    @Test
    void anAcceptedUpdateIs201WithLocationAndTheResource() throws Exception {
        HttpResponse<String> put = send("PUT", "/utdanning/elev/elev/systemid/k1", "{\"systemId\":{\"identifikatorverdi\":\"k1\"}}");
        assertEquals(202, put.statusCode(), put.body());
        String status = URI.create(put.headers().firstValue("Location").orElseThrow()).getRawPath();
        String corrId = status.substring(status.lastIndexOf('/') + 1);
        WriteRequest r = log.awaitRequest(corrId, Duration.ofSeconds(20));
        String stored = "{\"elevnummer\":{\"identifikatorverdi\":\"k9\"},\"systemId\":{\"identifikatorverdi\":\"k1\"}}";
        RecordMetadata at = log.entity(ELEV, "elev", "k1", stored, corrId, System.currentTimeMillis());
        log.write(new WriteEvent.Answered(new WriteAnswer(corrId, "created.no", "adapter", r.operation(), ResponseStatus.ACCEPTED, null, null,
                null, "k1", stored, 1, System.currentTimeMillis(), at.partition(), at.offset())));
        HttpResponse<String> done = TestHttp.poll(() -> send("GET", status, null), s -> s.statusCode() != 202);
        assertEquals(201, done.statusCode(), done.body());
        String self = "https://api.felleskomponent.no/utdanning/elev/elev/elevnummer/k9";
        assertEquals(self, done.headers().firstValue("Location").orElseThrow());
        assertEquals("{\"elevnummer\":{\"identifikatorverdi\":\"k9\"},\"systemId\":{\"identifikatorverdi\":\"k1\"},\"_links\":{\"self\":["
                + "{\"href\":\"" + self + "\"},{\"href\":\"https://api.felleskomponent.no/utdanning/elev/elev/systemid/k1\"}]}}", done.body());
    }
}
