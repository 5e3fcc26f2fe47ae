package no.fint.platform.demo.adapter;

import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.contract.Http;
import no.fint.platform.contract.ServiceProcess;
import no.fint.platform.demo.DataSet;
import no.fint.platform.demo.check.LinkCheck;
import no.fint.platform.demo.check.LinkReport;
import no.fint.platform.model.Component;
import no.fint.platform.model.ResourceType;
import no.fint.platform.tokens.EphemeralIdp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MEDIUM demo data set through the whole stack (broker, provider, relations, consumer, each its own
 * process), sent once for two checks. The demo adapter sends it through the provider (full syncs of
 * every type, then a round of deltas and deletes), the relations service derives the inverse links.
 * <ul>
 *   <li>Issue 6's link walk ({@link LinkCheck}): every maintained relation answered by its inverse
 *       (every elev shows its elevforhold, every skole its elevforhold, every arbeidsforhold its
 *       personalressurs), and every href of utdanning/elev and administrasjon/personal answers 200
 *       except the data set's four deliberate dangling links.</li>
 *   <li>Issue 4's restart check: every resource's bytes are recorded from the consumer (each type's
 *       whole collection, plus single resources by their self links); the consumer process is
 *       restarted (nothing is sent again) and, once it reports ready, must serve identical bytes.</li>
 * </ul>
 * <p>
 * MEDIUM (about 100,000 resources) by default; {@code -Dfint.restart.size=small|medium|large} and
 * {@code -Dfint.restart.seed=N} change it.
 */
@ExtendWith(KafkaBrokerExtension.class)
class MediumDataSetIT {

    static final String ORG = "restart-demo.no";
    static final String BASE = "https://api.felleskomponent.no";
    static final Pattern SELF = Pattern.compile("\"self\":\\[\\{\"href\":\"https://api\\.felleskomponent\\.no([^\"]+)\"");

    @Test
    void aRestartedConsumerServesIdenticalBytesForEveryResource() throws Exception {
        DataSet.Size size = DataSet.Size.valueOf(System.getProperty("fint.restart.size", "medium").toUpperCase(Locale.ROOT));
        long seed = Long.getLong("fint.restart.seed", 1);
        String bootstrap = KafkaBrokerExtension.bootstrapServers();
        Map<String, String> kafka = Map.of("fint.kafka.bootstrap-servers", bootstrap);
        Map<String, String> consumerConfig = Map.of("fint.kafka.bootstrap-servers", bootstrap, "fint.consumer.org-id", ORG);
        DataSet data = DataSet.of(size, seed);
        String client = EphemeralIdp.shared().client(ORG, data.components().stream().map(Component::id).toArray(String[]::new));
        long t0 = System.nanoTime();
        try (ServiceProcess relations = ServiceProcess.start("restart-demo-relations", "relations", kafka);
             ServiceProcess provider = ServiceProcess.start("restart-demo-provider", "provider", kafka)) {
            ServiceProcess consumer = ServiceProcess.start("restart-demo-consumer-1", "consumer", consumerConfig);
            try {
                AdapterSettings settings = AdapterSettings.defaults(ORG).withProvider(provider.url()).withData(size, seed).withPageSize(1000)
                        .withRounds(1, Duration.ofMillis(100)).withChanges(50, 10).withStatusWait(Duration.ofSeconds(120));
                ByteArrayOutputStream log = new ByteArrayOutputStream();
                Summary summary = new DemoAdapter(settings, new PrintStream(log, true, StandardCharsets.UTF_8),
                        TokenSource.minted(EphemeralIdp.shared().key(), EphemeralIdp.ISSUER, EphemeralIdp.AUDIENCE, settings, data)).run(new StopSignal());
                String output = log.toString(StandardCharsets.UTF_8);
                System.out.println(output);
                assertTrue(summary.registered() && summary.failedPages() == 0 && summary.rounds() == 1, output);
                long sent = System.nanoTime();

                // Settled: every elev shows its elevforhold (derived), and nothing changes any more.
                Map<String, String> before = settled(consumer, client, data);
                long resources = 0;
                for (ResourceType t : data.types()) {
                    String body = before.get(t.path());
                    long n = selfPaths(body).size();
                    resources += n;
                    assertTrue(n > 0 && n >= data.count(t) - 10, t.path() + ": " + n + " of " + data.count(t));
                }
                Map<String, String> singles = singles(consumer, client, before);
                long recorded = System.nanoTime();

                // The link walk on the same settled data (it reads again until the inverses agree).
                LinkReport links = LinkCheck.walk(URI.create(consumer.url()), BASE, data, () -> client, Duration.ofSeconds(120), System.out);
                links.print(System.out);
                assertTrue(links.followed() > resources, "hrefs followed: " + links.followed());
                assertEquals(links.expectedDangling(), links.danglingHrefs(), "only the deliberate dangling links dangle");
                assertEquals(List.of(), links.mismatches().subList(0, Math.min(10, links.mismatches().size())),
                        "relations disagreeing with their inverse");
                assertEquals(List.of(), links.missingInverses().subList(0, Math.min(10, links.missingInverses().size())),
                        "resources without their inverse links");
                assertTrue(links.ok());
                long walked = System.nanoTime();

                consumer.close();
                consumer = ServiceProcess.start("restart-demo-consumer-2", "consumer", consumerConfig);
                long ready = System.nanoTime();
                for (ResourceType t : data.types()) {
                    String after = collection(consumer, client, t);
                    assertTrue(before.get(t.path()).equals(after), t.path() + ": the collection's bytes differ after the restart at "
                            + firstDifference(before.get(t.path()), after));
                }
                for (Map.Entry<String, String> e : singles.entrySet()) {
                    HttpResponse<String> r = Http.get(consumer.url() + e.getKey(), client);
                    assertEquals(200, r.statusCode(), e.getKey());
                    assertEquals(e.getValue(), r.body(), e.getKey());
                }
                System.out.printf(Locale.ROOT, "consumer restart with demo data (%s, seed %d): %,d resources in %d collections and %,d single resources identical;"
                                + " sent in %.1f s, recorded in %.1f s, link walk %.1f s, restarted to ready in %.1f s, compared in %.1f s%n",
                        size, seed, resources, data.types().size(), singles.size(), (sent - t0) / 1e9, (recorded - sent) / 1e9,
                        (walked - recorded) / 1e9, (ready - walked) / 1e9, (System.nanoTime() - ready) / 1e9);
            } finally {
                consumer.close();
            }
        }
    }

    /**
     * Every type's whole collection once two readings agree and every elev shows its (derived)
     * elevforhold; readings that agree without that are a failure (a link the relations service or
     * the consumer lost), not a reason to wait.
     */
    private static Map<String, String> settled(ServiceProcess consumer, String client, DataSet data) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        Map<String, String> previous = null;
        while (true) {
            Map<String, String> now = new LinkedHashMap<>();
            for (ResourceType t : data.types()) {
                now.put(t.path(), collection(consumer, client, t));
            }
            String elev = now.get("/utdanning/elev/elev");
            long entries = selfPaths(elev).size();
            long linked = elev.split("\"elevforhold\":\\[\\{\"href\"", -1).length - 1;
            if (now.equals(previous)) {
                assertEquals(entries, linked, "elev with an inverse elevforhold link, of " + entries);
                return now;
            }
            assertTrue(System.nanoTime() < deadline, "the consumer's data did not settle");
            System.out.printf("not settled yet: %d of %d elev linked%n", linked, entries);
            previous = now;
            Thread.sleep(2000);
        }
    }

    /** The first self link of every entry of a collection (the collection's own self link ends in '/'). */
    private static List<String> selfPaths(String collection) {
        List<String> out = new ArrayList<>();
        Matcher m = SELF.matcher(collection);
        while (m.find()) {
            if (!m.group(1).endsWith("/")) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private static String collection(ServiceProcess consumer, String client, ResourceType t) {
        HttpResponse<String> r = Http.get(consumer.url() + t.path(), client);
        assertEquals(200, r.statusCode(), t.path() + ": " + r.body());
        return r.body();
    }

    /** Every 25th resource of each collection, by its first self link, as a single GET. */
    private static Map<String, String> singles(ServiceProcess consumer, String client, Map<String, String> collections) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String body : collections.values()) {
            List<String> paths = selfPaths(body);
            for (int i = 0; i < paths.size(); i += 25) {
                HttpResponse<String> r = Http.get(consumer.url() + paths.get(i), client);
                assertEquals(200, r.statusCode(), paths.get(i));
                out.put(paths.get(i), r.body());
            }
        }
        return out;
    }

    private static String firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return "character " + i + ": before ..." + a.substring(Math.max(0, i - 60), Math.min(a.length(), i + 60))
                + " / after ..." + b.substring(Math.max(0, i - 60), Math.min(b.length(), i + 60));
    }
}
