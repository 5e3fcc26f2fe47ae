package no.fint.platform.bench;

import no.fint.platform.contract.ServiceProcess;
import no.fint.platform.demo.DataSet;
import no.fint.platform.demo.adapter.AdapterSettings;
import no.fint.platform.demo.adapter.Console;
import no.fint.platform.demo.adapter.ProviderClient;
import no.fint.platform.demo.adapter.TokenSource;
import no.fint.platform.demo.adapter.StopSignal;
import no.fint.platform.demo.adapter.WriteAnswerer;
import no.fint.platform.auth.PrincipalKind;
import no.fint.platform.tokens.EphemeralIdp;
import no.fint.platform.demo.adapter.WriteSettings;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import no.fint.platform.records.Topics;
import no.fint.platform.write.WriteEvent;
import no.fint.platform.write.WriteEvents;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./fint bench writes [--rate 100] [--seconds 60] [--warmup 120] [--status-poll-ms 20] [--adapters 2]
 * [--adapter-poll-ms 5] [--poll-wait-ms 1000] [--poll-size 16]}:
 * the create round trip of a client write through the whole platform. A client POSTs a new elev to the
 * consumer (202 with the status Location), the demo adapter's write answering (as {@code --adapters}
 * instances long-polling the provider ({@code wait}: up to {@code --poll-wait-ms}), up to
 * {@code --poll-size} requests a poll answered in parallel, again at once after a poll that brought
 * requests and {@code --adapter-poll-ms} after an empty one (0 for none), accepting with a systemId; the leases keep them from doing a write twice) answers
 * through the provider, and the client polls the status every {@code --status-poll-ms} until the consumer answers 303 (which it does only once its cache holds the
 * adapter's version). Open loop at {@code --rate} writes a second for {@code --seconds}; each round
 * trip is timed from when it was due, so queueing is not hidden. Broker, provider and consumer run as
 * their own JVMs. Baseline in the same run on the same broker: a plain Kafka round trip over two
 * hops (produce a request, an echo consumer produces the answer, the requester consumes it), at the
 * same rate.
 */
public final class WritesBenchmark implements Benchmark {

    private static final String ORG = "writes.no";
    private static final String REQUESTS = "bench-writes-request";
    private static final String ANSWERS = "bench-writes-answer";

    @Override
    public String name() {
        return "writes";
    }

    @Override
    public String description() {
        return "create round trip (POST, adapter answers, status until 303) at 100 writes/s, against a two-hop Kafka round trip";
    }

    @Override
    public void run(List<String> args, Report report) throws Exception {
        Map<String, String> opts = options(args);
        int rate = Integer.parseInt(opts.getOrDefault("rate", "100"));
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "60"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "120"));
        // Every in-flight write polls its status: 5 ms made the polls (not the writes) the load at 100/s.
        long statusPoll = Long.parseLong(opts.getOrDefault("status-poll-ms", "20"));
        int adapters = Integer.parseInt(opts.getOrDefault("adapters", "2"));
        int adapterPoll = Integer.parseInt(opts.getOrDefault("adapter-poll-ms", "5"));
        int pollWait = Integer.parseInt(opts.getOrDefault("poll-wait-ms", "1000"));
        int pollSize = Integer.parseInt(opts.getOrDefault("poll-size", "16"));
        java.util.logging.Logger.getLogger("org.apache.kafka").setLevel(java.util.logging.Level.WARNING);

        Path work = Files.createTempDirectory("fint-bench-writes-");
        Path logs = ServiceProcess.repoRoot().resolve(".fint/logs");
        System.out.printf("bench writes: %d writes/s for %d s (after %d s warm-up); broker, provider and consumer as their own JVMs"
                + " (logs in .fint/logs/bench-*.log)%n", rate, seconds, warmup);
        try (BrokerProcess broker = BrokerProcess.start(work.resolve("kafka"), logs.resolve("bench-writes-kafka.log"))) {
            Map<String, String> kafka = Map.of("fint.kafka.bootstrap-servers", broker.bootstrapServers());
            try (ServiceProcess provider = ServiceProcess.start("bench-writes-provider", "provider", kafka);
                 ServiceProcess consumer = ServiceProcess.start("bench-writes-consumer", "consumer", with(kafka,
                         "fint.consumer.org-id", ORG, "fint.consumer.components", "utdanning/elev"))) {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
                AdapterSettings adapter = AdapterSettings.defaults(ORG).withProvider(provider.url());
                // Tokens of the test IdP the services trust (ServiceProcess): the adapter's and a client's.
                String adapterToken = EphemeralIdp.shared().mint(EphemeralIdp.shared().request(PrincipalKind.ADAPTER, adapter.username(),
                        List.of(ORG), "utdanning-elev"));
                String clientToken = EphemeralIdp.shared().client(ORG, "utdanning-elev");
                register(http, provider.url(), adapter, adapterToken);
                StopSignal stop = new StopSignal();
                Console quiet = new Console(new PrintStream(OutputStream.nullOutputStream()));
                // Adapter instances polling side by side (the leases keep them from doing a write twice),
                // each answering the requests of a poll in parallel.
                List<WriteAnswerer> answerers = new java.util.ArrayList<>();
                List<Thread> adapterThreads = new java.util.ArrayList<>();
                for (int i = 0; i < adapters; i++) {
                    WriteAnswerer answerer = new WriteAnswerer(new ProviderClient(adapter.provider(), stop, quiet,
                            TokenSource.fixed(adapterToken)), adapter, WriteSettings.defaults(), DataSet.of(DataSet.Size.SMALL, 1), quiet);
                    answerers.add(answerer);
                    adapterThreads.add(Thread.ofPlatform().name("bench-demo-adapter-" + i).start(() -> {
                        while (!stop.requested()) {
                            // A long poll: the provider answers as soon as a request arrives, or [] after the wait.
                            if (answerer.poll("/utdanning/elev/elev?size=" + pollSize + "&wait=" + pollWait) == 0) {
                                stop.await(Duration.ofMillis(adapterPoll));
                            }
                        }
                    }));
                }
                try {
                    System.out.println("bench writes: warm-up (not counted)");
                    Client client = new Client(http, consumer.url(), clientToken, statusPoll);
                    client.run(rate, warmup);
                    client = new Client(http, consumer.url(), clientToken, statusPoll);
                    System.out.println("bench writes: measuring");
                    Watcher watcher = Watcher.start(broker.bootstrapServers());
                    client.run(rate, seconds);
                    watcher.stop();

                    System.out.println("bench writes: baseline, a two-hop Kafka round trip on the same broker");
                    Histogram floor = kafkaRoundTrip(broker.bootstrapServers(), rate, Math.max(10, seconds / 2));

                    Histogram h = client.roundTrip;
                    report.figure("writes answered 303 (" + rate + "/s for " + seconds + " s)", h.getTotalCount(), "writes");
                    report.figure("writes not answered 303 (errors, other statuses)", client.failed.get(), "writes");
                    report.figure("POST answered 202, p50", client.accepted.getValueAtPercentile(50) / 1000.0, "ms");
                    report.figure("POST answered 202, p99", client.accepted.getValueAtPercentile(99) / 1000.0, "ms");
                    report.compare("round trip p50 (POST to 303)", h.getValueAtPercentile(50) / 1000.0, "Kafka 2-hop p50",
                            floor.getValueAtPercentile(50) / 1000.0, "ms", Double.NaN);
                    report.compare("round trip p99 (POST to 303)", h.getValueAtPercentile(99) / 1000.0, "Kafka 2-hop p99",
                            floor.getValueAtPercentile(99) / 1000.0, "ms", Double.NaN);
                    report.figure("round trip max", h.getMaxValue() / 1000.0, "ms");
                    report.figure("status polls per write (mean)", client.polls.get() / (double) Math.max(1, h.getTotalCount() + client.failed.get()), "polls");
                    stages(broker.bootstrapServers(), client.times, watcher.seen, report);
                    report.target("round trip p99", h.getValueAtPercentile(99) / 1000.0, "ms", 150, true);
                    Map<String, Long> outcomes = new java.util.TreeMap<>();
                    answerers.forEach(a -> a.outcomes().forEach((k, v) -> outcomes.merge(k, v, Long::sum)));
                    System.out.printf("bench writes: %d adapter instances (long polls of up to %d ms, %d ms between empty ones, up to %d"
                            + " requests a poll), status polled every %d ms; adapter answers %s%n", adapters, pollWait, adapterPoll, pollSize,
                            statusPoll, outcomes);
                } finally {
                    stop.stop();
                    for (Thread t : adapterThreads) {
                        t.join(5_000);
                    }
                }
            }
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Map<String, String> with(Map<String, String> base, String... kv) {
        Map<String, String> m = new HashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static void register(HttpClient http, String provider, AdapterSettings a, String token) throws Exception {
        String body = "{\"adapterId\":\"" + a.adapterId() + "\",\"orgId\":\"" + ORG + "\",\"username\":\"" + a.username()
                + "\",\"heartbeatIntervalInMinutes\":1,\"capabilities\":[{\"domainName\":\"utdanning\",\"packageName\":\"elev\","
                + "\"resourceName\":\"elev\",\"fullSyncIntervalInDays\":1}]}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(provider + "/provider/register"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("register: " + r.statusCode() + " " + r.body());
        }
    }

    /** The client side: one create every 1/rate s, each polled until 303, timed from when it was due. */
    private static final class Client {
        final HttpClient http;
        final String consumer;
        final String token;
        final long statusPollMs;
        final Histogram roundTrip = new Histogram(TimeUnit.MINUTES.toMicros(2), 3);
        final Histogram accepted = new Histogram(TimeUnit.MINUTES.toMicros(2), 3);
        final AtomicLong failed = new AtomicLong();
        final AtomicLong polls = new AtomicLong();
        final AtomicLong sequence = new AtomicLong();
        /** Per corrId of a write answered 303: when it was due and when the 303 came (wall clock, ms). */
        final Map<String, long[]> times = new ConcurrentHashMap<>();
        /** Wall-clock ms of nanoTime 0, so the record timestamps of the write log can be compared with ours. */
        final double wallAtNanoZero = System.currentTimeMillis() - System.nanoTime() / 1e6;

        Client(HttpClient http, String consumer, String token, long statusPollMs) {
            this.http = http;
            this.consumer = consumer;
            this.token = token;
            this.statusPollMs = statusPollMs;
        }

        void run(int rate, int seconds) throws InterruptedException {
            ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
            openLoop(rate, seconds, (i, due) -> pool.execute(() -> one(due)));
            pool.shutdown();
            pool.awaitTermination(2, TimeUnit.MINUTES);
        }

        private HttpRequest.Builder request(String url) {
            return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token);
        }

        private void one(long due) {
            try {
                String body = "{\"elevnummer\":{\"identifikatorverdi\":\"" + (1_000_000 + sequence.incrementAndGet()) + "\"}}";
                HttpResponse<String> posted = http.send(request(consumer + "/utdanning/elev/elev").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                Optional<String> location = posted.headers().firstValue("Location");
                if (posted.statusCode() != 202 || location.isEmpty()) {
                    failed.incrementAndGet();
                    return;
                }
                synchronized (accepted) {
                    accepted.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
                }
                String status = consumer + URI.create(location.get()).getRawPath();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (System.nanoTime() < deadline) {
                    HttpResponse<String> r = http.send(request(status).GET().build(), HttpResponse.BodyHandlers.ofString());
                    polls.incrementAndGet();
                    if (r.statusCode() == 303) {
                        long now = System.nanoTime();
                        synchronized (roundTrip) {
                            roundTrip.recordValue(Math.max(0, (now - due) / 1000));
                        }
                        String path = URI.create(location.get()).getRawPath();
                        times.put(path.substring(path.lastIndexOf('/') + 1),
                                new long[]{Math.round(wallAtNanoZero + due / 1e6), Math.round(wallAtNanoZero + now / 1e6)});
                        return;
                    }
                    if (r.statusCode() != 202) {
                        failed.incrementAndGet();
                        return;
                    }
                    Thread.sleep(statusPollMs);
                }
                failed.incrementAndGet();
            } catch (Exception e) {
                failed.incrementAndGet();
            }
        }
    }

    /** A plain reader of the benchmark organisation's write log, assigned every partition of it. */
    private static KafkaConsumer<byte[], byte[]> writeLogReader(String bootstrap) {
        String topic = Topics.writeEvents(ORG);
        KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        c.assign(c.partitionsFor(topic, Duration.ofSeconds(10)).stream().map(p -> new TopicPartition(topic, p.partition())).toList());
        return c;
    }

    /**
     * Reads the write log as it is written, with a plain consumer on the same broker: when each REQUESTED
     * and ANSWERED record became visible to a reader (wall clock, ms). It splits the stages in two: the
     * part Kafka takes (a record's timestamp to when a reader has it) and the part the services take.
     */
    private static final class Watcher {
        final Map<String, long[]> seen = new ConcurrentHashMap<>(); // corrId -> requested, answered
        final StopSignal stop = new StopSignal();
        Thread thread;

        static Watcher start(String bootstrap) throws InterruptedException {
            Watcher w = new Watcher();
            java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
            w.thread = Thread.ofPlatform().name("bench-write-log-watcher").start(() -> {
                try (KafkaConsumer<byte[], byte[]> c = writeLogReader(bootstrap)) {
                    List<TopicPartition> parts = List.copyOf(c.assignment());
                    c.seekToEnd(parts);
                    parts.forEach(c::position);
                    ready.countDown();
                    while (!w.stop.requested()) {
                        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(50))) {
                            long now = System.currentTimeMillis();
                            WriteEvent e = WriteEvents.read(r.value());
                            int slot = e instanceof WriteEvent.Requested ? 0 : e instanceof WriteEvent.Answered ? 1 : -1;
                            if (slot >= 0) {
                                w.seen.computeIfAbsent(e.corrId(), k -> new long[]{-1, -1})[slot] = now;
                            }
                        }
                    }
                } finally {
                    ready.countDown();
                }
            });
            ready.await(30, TimeUnit.SECONDS);
            return w;
        }

        void stop() throws InterruptedException {
            stop.stop();
            thread.join(5_000);
        }
    }

    /**
     * Where a round trip's time goes, from the write log's record timestamps (the producers' clocks,
     * this machine's) and when a plain reader saw them ({@link Watcher}): due to the consumer's
     * REQUESTED record (the POST); to the provider's LEASED record, split into Kafka delivering the
     * request to a reader and the provider handing it to a polling adapter (the provider reading it,
     * the adapter's next poll, the lease record); to the ANSWERED record (the adapter answering; the
     * provider writes the entity record before it); to the client's 303, split into Kafka delivering the
     * answer and the consumer serving it (reading the answer and the entity record, the client's next
     * status poll). Millisecond resolution.
     */
    private static void stages(String bootstrap, Map<String, long[]> times, Map<String, long[]> seen, Report report) {
        Map<String, long[]> log = new HashMap<>(); // corrId -> requested, leased, answered
        try (KafkaConsumer<byte[], byte[]> c = writeLogReader(bootstrap)) {
            List<TopicPartition> parts = List.copyOf(c.assignment());
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (parts.stream().anyMatch(p -> c.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    WriteEvent e = WriteEvents.read(r.value());
                    int slot = switch (e) {
                        case WriteEvent.Requested q -> 0;
                        case WriteEvent.Leased l -> 1;
                        case WriteEvent.Answered a -> 2;
                        case WriteEvent.Expired x -> -1;
                    };
                    long[] t = log.computeIfAbsent(e.corrId(), k -> new long[]{-1, -1, -1});
                    if (slot >= 0 && t[slot] < 0) {
                        t[slot] = r.timestamp();
                    }
                }
            }
        }
        String[] names = {
                "1 POST: due to the REQUESTED record",
                "2a Kafka: REQUESTED record to a plain reader",
                "2b provider and adapter poll: to the LEASED record",
                "3 answering: LEASED to ANSWERED (adapter's POST; entity record first)",
                "4a Kafka: ANSWERED record to a plain reader",
                "4b consumer and status poll: to the 303"};
        Histogram[] h = new Histogram[names.length];
        for (int i = 0; i < h.length; i++) {
            h[i] = new Histogram(TimeUnit.MINUTES.toMillis(2), 3);
        }
        times.forEach((corrId, t) -> {
            long[] l = log.get(corrId);
            long[] v = seen.get(corrId);
            if (l == null || v == null || l[0] < 0 || l[1] < 0 || l[2] < 0 || v[0] < 0 || v[1] < 0) {
                return;
            }
            long[] points = {t[0], l[0], v[0], l[1], l[2], v[1], t[1]};
            for (int i = 0; i < h.length; i++) {
                h[i].recordValue(Math.max(0, points[i + 1] - points[i]));
            }
        });
        report.figure("round trips split into stages below (write log timestamps, ms resolution)", h[0].getTotalCount(), "writes");
        for (int i = 0; i < h.length; i++) {
            report.figure("stage " + names[i] + ", p50", h[i].getValueAtPercentile(50), "ms");
            report.figure("stage " + names[i].substring(0, names[i].indexOf(' ')) + ", p99", h[i].getValueAtPercentile(99), "ms");
        }
    }

    /**
     * The floor: a request produced to one topic, echoed by a consumer to a second topic, consumed by
     * the requester (the write path has the same two hops, plus HTTP and the entity record), timed
     * from when each request was due. The producers have the platform's settings (acks=all,
     * idempotent), without linger, as the provider's write path.
     */
    static Histogram kafkaRoundTrip(String bootstrap, int rate, int seconds) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(REQUESTS, 3, (short) 1), new NewTopic(ANSWERS, 3, (short) 1))).all().get(15, TimeUnit.SECONDS);
        }
        Thread.sleep(500);
        Map<String, Object> producer = Map.of("bootstrap.servers", bootstrap, "acks", "all", "enable.idempotence", true, "linger.ms", 0);
        Map<String, Object> consumer = Map.of("bootstrap.servers", bootstrap, "fetch.max.wait.ms", 100);
        Histogram h = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        Map<String, Long> dueByKey = new ConcurrentHashMap<>();
        StopSignal stop = new StopSignal();
        Thread echo;
        Thread back;
        try (KafkaProducer<String, String> requester = new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer());
             KafkaProducer<String, String> echoer = new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer())) {
            echo = Thread.ofPlatform().start(() -> pump(bootstrap, consumer, REQUESTS, stop, r -> echoer.send(new ProducerRecord<>(ANSWERS, r.key(), r.value()))));
            back = Thread.ofPlatform().start(() -> pump(bootstrap, consumer, ANSWERS, stop, r -> {
                Long due = dueByKey.remove(r.key());
                if (due != null) {
                    synchronized (h) {
                        h.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
                    }
                }
            }));
            Thread.sleep(2_000); // both consumers assigned and at the end
            openLoop(rate, seconds, (i, due) -> {
                String key = "k" + i;
                dueByKey.put(key, due);
                requester.send(new ProducerRecord<>(REQUESTS, key, "{\"n\":" + i + "}"));
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!dueByKey.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            stop.stop();
        }
        echo.join(5_000);
        back.join(5_000);
        return h;
    }

    private static void pump(String bootstrap, Map<String, Object> config, String topic, StopSignal stop,
                             java.util.function.Consumer<ConsumerRecord<String, String>> each) {
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(parts);
            c.seekToEnd(parts);
            parts.forEach(c::position);
            while (!stop.requested()) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(20))) {
                    each.accept(r);
                }
            }
        }
    }

    /** Open loop: {@code rate} starts a second for {@code seconds}, each given its number and when it was due (nanoTime). */
    private static void openLoop(int rate, int seconds, java.util.function.ObjLongConsumer<Long> start) throws InterruptedException {
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long begin = System.nanoTime();
        long n = (long) rate * seconds;
        for (long i = 0; i < n; i++) {
            long due = begin + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            start.accept(i, due);
        }
    }

    private static Map<String, String> options(List<String> args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            if (!args.get(i).startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args.get(i) + " (--rate N --seconds N --warmup N --status-poll-ms N)");
            }
            m.put(args.get(i).substring(2).toLowerCase(Locale.ROOT), args.get(i + 1));
        }
        return m;
    }
}
