package no.fint.platform.demo.check;

import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.contract.ServiceProcess;
import no.fint.platform.demo.DataSet;
import no.fint.platform.demo.adapter.AdapterSettings;
import no.fint.platform.demo.adapter.DemoAdapter;
import no.fint.platform.demo.adapter.StopSignal;
import no.fint.platform.demo.adapter.Summary;
import no.fint.platform.demo.adapter.TokenSource;
import no.fint.platform.model.Component;
import no.fint.platform.tokens.EphemeralIdp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relations issue's link walk under the whole stack (broker, provider, relations, consumer, each
 * its own process): the demo adapter sends the MEDIUM data set (owning sides only) and a round of
 * changes that move elevforhold between schools and klassemedlemskap between klasser; then a client
 * reads every collection, finds every maintained relation answered by its inverse (every elev shows its
 * elevforhold, every skole its elevforhold, every personalressurs its arbeidsforhold), and follows every
 * href of utdanning/elev and administrasjon/personal: only the data set's four deliberate dangling
 * links may fail to answer 200.
 */
@ExtendWith(KafkaBrokerExtension.class)
class LinkWalkIT {

    private static final String ORG = "links.no";
    private static final String BASE = "https://api.felleskomponent.no";

    @Test
    void everyLinkOfTheMediumDataSetLeadsSomewhereAndEveryInverseIsThere() throws Exception {
        String bootstrap = KafkaBrokerExtension.bootstrapServers();
        Map<String, String> kafka = Map.of("fint.kafka.bootstrap-servers", bootstrap);
        try (ServiceProcess provider = ServiceProcess.start("provider-links", "provider", kafka);
             ServiceProcess relations = ServiceProcess.start("relations-links", "relations", kafka);
             ServiceProcess consumer = ServiceProcess.start("consumer-links", "consumer", Map.of(
                     "fint.kafka.bootstrap-servers", bootstrap, "fint.consumer.org-id", ORG, "fint.consumer.base-url", BASE))) {
            AdapterSettings settings = AdapterSettings.defaults(ORG).withProvider(provider.url()).withData(DataSet.Size.MEDIUM, 1)
                    .withRounds(1, Duration.ofMillis(100)).withChanges(500, 0).withStatusWait(Duration.ofSeconds(60));
            DataSet data = DataSet.of(settings.size(), settings.seed());
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            Summary summary = new DemoAdapter(settings, new PrintStream(log, true, StandardCharsets.UTF_8),
                    TokenSource.minted(EphemeralIdp.shared().key(), EphemeralIdp.ISSUER, EphemeralIdp.AUDIENCE, settings, data))
                    .run(new StopSignal());
            String adapterLog = log.toString(StandardCharsets.UTF_8);
            assertEquals(0, summary.failedPages(), adapterLog);
            assertEquals(1, summary.rounds(), adapterLog);

            String token = EphemeralIdp.shared().client(ORG, data.components().stream().map(Component::id).toArray(String[]::new));
            LinkReport report = LinkCheck.walk(URI.create(consumer.url()), BASE, data, () -> token, Duration.ofSeconds(120), System.out);
            report.print(System.out);
            assertEquals(data.totalSize(), report.resources(), "every resource of the data set served");
            assertTrue(report.followed() > data.totalSize(), "hrefs followed: " + report.followed());
            assertEquals(report.expectedDangling(), report.danglingHrefs(), "only the deliberate dangling links dangle");
            assertEquals(0, report.mismatches().size(), () -> "relations disagreeing with their inverse: " + report.mismatches().subList(0,
                    Math.min(10, report.mismatches().size())));
            assertEquals(0, report.missingInverses().size(), () -> "without inverse links: " + report.missingInverses().subList(0,
                    Math.min(10, report.missingInverses().size())));
            assertTrue(report.ok());
        }
    }
}
