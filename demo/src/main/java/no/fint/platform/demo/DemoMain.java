package no.fint.platform.demo;

import no.fint.platform.demo.adapter.AdapterSettings;
import no.fint.platform.demo.adapter.DemoAdapter;
import no.fint.platform.demo.adapter.StopSignal;
import no.fint.platform.demo.adapter.Summary;
import no.fint.platform.demo.adapter.WriteSettings;
import no.fint.platform.demo.adapter.TokenSource;
import no.fint.platform.demo.check.LinkCheck;
import no.fint.platform.auth.PrincipalKind;
import no.fint.platform.tokens.LocalIdp;
import no.fint.platform.tokens.SigningKey;
import no.fint.platform.tokens.TokenMinter;
import no.fint.platform.tokens.TokenRequest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code ./fint adapter demo ...} (the demo adapter) and {@code ./fint adapter dataset ...} (a data
 * set's counts, dangling links and the generator's throughput).
 */
public final class DemoMain {

    /** Set by ./fint to the provider of ./fint up (its port may be configured); --provider wins. */
    static final String PROVIDER_PROPERTY = "fint.provider.url";
    /** Set by ./fint: the local signing key's directory and the issuer and audience ./fint up's services expect. */
    static final String KEYS_PROPERTY = "fint.keys.dir";
    static final String ISSUER_PROPERTY = "fint.auth.issuer";
    static final String AUDIENCE_PROPERTY = "fint.auth.audience";
    /** Set by ./fint to the first consumer of ./fint up; --consumer wins. */
    static final String CONSUMER_PROPERTY = "fint.consumer.url";

    static final String USAGE = """
            usage: ./fint adapter demo [--org fint.no] [--size small|medium|large] [--provider URL] [--page-size 500]
                                       [--interval 5] [--rounds 0] [--changes 25] [--deletes 5] [--heartbeat 1]
                                       [--seed 1] [--adapter-id ID] [--username NAME] [--status-wait 30]
                                       [--keys DIR | --token TOKEN | --token-url URL --client-id ID --client-secret S
                                        [--password P] [--scope fint-adapter]]
                                       [--write-poll 1] [--conflict-marker KONFLIKT] [--error-marker FEIL]
                     registers, sends heartbeats, full-syncs the data set, then a round of deltas and deletes
                     every --interval seconds until stopped (Ctrl-C) or --rounds rounds are done (0: no limit);
                     its bearer tokens are minted with the local key of ./fint up (--keys, default .fint/keys),
                     fetched from an OAuth2 token endpoint (password grant for --username/--password, else
                     client credentials), or --token is sent as it is;
                     answers client writes (--write-poll 0: not at all), long-polling the provider up to --write-poll
                     seconds a poll (a provider that answers at once is polled every --write-poll seconds): a resource
                     containing the conflict marker gets a conflict, one containing the error marker an error, rule
                     breaches a rejection
                   ./fint adapter dataset [--size small|medium|large] [--seed N] [--show /domain/package/resource [--count K]]
                     counts per resource type, the dangling links and the generator's throughput; --show prints resources
                   ./fint adapter links [--org fint.no] [--consumer URL] [--size small|medium|large] [--seed 1]
                                        [--base-url https://api.felleskomponent.no] [--keys DIR | --token TOKEN]
                     a client's link walk over a consumer that serves the demo data set: reads every collection,
                     follows every href of utdanning/elev and administrasjon/personal (expects 200), checks every
                     maintained relation against its inverse; exit status 0 when only the data set's deliberate
                     dangling links dangle
            """;

    private DemoMain() {
    }

    public static void main(String[] args) {
        List<String> all = Arrays.asList(args);
        if (all.isEmpty() || all.contains("--help") || all.contains("-h")) {
            System.out.print(USAGE);
            return;
        }
        try {
            switch (all.get(0)) {
                case "demo" -> demo(new Args(all.subList(1, all.size()), Set.of("org", "size", "seed", "provider", "page-size",
                        "interval", "rounds", "changes", "deletes", "heartbeat", "adapter-id", "status-wait", "token", "keys",
                        "token-url", "client-id", "client-secret", "username", "password", "scope", "write-poll",
                        "conflict-marker", "error-marker")));
                case "dataset" -> dataset(new Args(all.subList(1, all.size()), Set.of("size", "seed", "show", "count")));
                case "links" -> links(new Args(all.subList(1, all.size()), Set.of("org", "consumer", "size", "seed", "base-url",
                        "keys", "token")));
                default -> throw new Args.UsageException("unknown command '" + all.get(0) + "' (demo, dataset or links)");
            }
        } catch (Args.UsageException e) {
            System.err.println("fint: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        }
    }

    private static void demo(Args args) {
        AdapterSettings settings = settings(args);
        StopSignal stop = new StopSignal();
        CountDownLatch done = new CountDownLatch(1);
        // INT/TERM: ask the adapter to stop after the request in flight and wait for it to say so.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.stop();
            try {
                done.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "demo-adapter-stop"));
        Summary summary = new DemoAdapter(settings, writeSettings(args), System.out, tokens(args, settings)).run(stop);
        done.countDown();
        if (!stop.requested()) {
            System.exit(summary.clean() ? 0 : 1); // (during a shutdown, exit would block: just return)
        }
    }

    /**
     * {@code --token} as it is, tokens from {@code --token-url}, or tokens minted with the local key
     * (created on first use, as {@code ./fint up} does).
     */
    static TokenSource tokens(Args args, AdapterSettings settings) {
        String token = args.get("token", null);
        if (token != null) {
            return TokenSource.fixed(token.strip());
        }
        String url = args.get("token-url", null);
        if (url != null) {
            String id = args.get("client-id", null);
            String secret = args.get("client-secret", null);
            if (id == null || secret == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
                throw new Args.UsageException("--token-url needs an http(s) URL, --client-id and --client-secret");
            }
            String password = args.get("password", null);
            return TokenSource.fetched(URI.create(url), id, secret, password == null ? null : settings.username(), password,
                    args.get("scope", "fint-adapter"));
        }
        String keys = args.get("keys", System.getProperty(KEYS_PROPERTY, ".fint/keys"));
        return TokenSource.minted(SigningKey.loadOrCreate(java.nio.file.Path.of(keys)),
                System.getProperty(ISSUER_PROPERTY, LocalIdp.ISSUER), System.getProperty(AUDIENCE_PROPERTY, LocalIdp.AUDIENCE),
                settings, DataSet.of(settings.size(), settings.seed()));
    }

    static AdapterSettings settings(Args args) {
        String org = args.get("org", "fint.no");
        AdapterSettings s;
        try {
            s = AdapterSettings.defaults(org);
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException("--org: " + e.getMessage());
        }
        String provider = args.get("provider", System.getProperty(PROVIDER_PROPERTY, AdapterSettings.DEFAULT_PROVIDER));
        if (!provider.startsWith("http://") && !provider.startsWith("https://")) {
            throw new Args.UsageException("--provider must be an http(s) URL, not '" + provider + "'");
        }
        try {
            s = s.withProvider(provider)
                    .withData(args.size(), args.longValue("seed", 1))
                    .withPageSize(args.integer("page-size", 500, 1, 100_000))
                    .withRounds(args.integer("rounds", 0, 0, Integer.MAX_VALUE),
                            Duration.ofMillis((long) (seconds(args, "interval", 5) * 1000)))
                    .withChanges(args.integer("changes", 25, 0, 1_000_000), args.integer("deletes", 5, 0, 1_000_000))
                    .withHeartbeatMinutes(args.integer("heartbeat", 1, 1, 1440))
                    .withStatusWait(Duration.ofMillis((long) (seconds(args, "status-wait", 30) * 1000)));
            String adapterId = args.get("adapter-id", s.adapterId());
            String username = args.get("username", s.username());
            if (!adapterId.equals(s.adapterId()) || !username.equals(s.username())) {
                s = new AdapterSettings(s.provider(), s.orgId(), adapterId, username, s.size(), s.seed(), s.pageSize(),
                        s.interval(), s.heartbeatMinutes(), s.fullSyncIntervalDays(), s.changesPerRound(), s.deletesPerRound(),
                        s.rounds(), s.statusWait());
            }
            return s;
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
    }

    /** Client writes: long polls of up to --write-poll seconds (0: not answered), with the given markers. */
    static WriteSettings writeSettings(Args args) {
        WriteSettings w = WriteSettings.defaults();
        w = new WriteSettings(Duration.ofMillis((long) (seconds(args, "write-poll", 1) * 1000)),
                args.get("conflict-marker", w.conflictMarker()), args.get("error-marker", w.errorMarker()));
        if (w.conflictMarker().isEmpty() || w.errorMarker().isEmpty() || w.conflictMarker().equals(w.errorMarker())) {
            throw new Args.UsageException("--conflict-marker and --error-marker must be two different, non-empty texts");
        }
        return w;
    }

    private static double seconds(Args args, String name, double fallback) {
        String v = args.get(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.strip().endsWith("s") ? v.strip().substring(0, v.strip().length() - 1) : v.strip());
            if (d < 0 || d > 86_400) {
                throw new Args.UsageException("--" + name + " must be 0 to 86400 seconds, not " + v);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new Args.UsageException("--" + name + " must be a number of seconds, not '" + v + "'");
        }
    }

    private static void dataset(Args args) {
        DataSet data = DataSet.of(args.size(), args.longValue("seed", 1));
        String show = args.get("show", null);
        if (show != null) {
            try {
                DataSetReport.show(data, show, args.integer("count", 3, 1, Integer.MAX_VALUE), System.out);
            } catch (IllegalArgumentException e) {
                throw new Args.UsageException(e.getMessage());
            }
            return;
        }
        DataSetReport.counts(data, System.out);
        DataSetReport.throughput(data, System.out);
    }

    private static void links(Args args) {
        String org = args.get("org", "fint.no");
        String consumer = args.get("consumer", System.getProperty(CONSUMER_PROPERTY, "http://localhost:8082"));
        if (!consumer.startsWith("http://") && !consumer.startsWith("https://")) {
            throw new Args.UsageException("--consumer must be an http(s) URL, not '" + consumer + "'");
        }
        DataSet data = DataSet.of(args.size(), args.longValue("seed", 1));
        String token = args.get("token", null);
        Supplier<String> tokens;
        if (token != null) {
            tokens = () -> token.strip();
        } else {
            SigningKey key = SigningKey.loadOrCreate(Path.of(args.get("keys", System.getProperty(KEYS_PROPERTY, ".fint/keys"))));
            String minted = TokenMinter.mint(key, new TokenRequest(PrincipalKind.CLIENT,
                    TokenRequest.defaultUsername(PrincipalKind.CLIENT, org), List.of(org), data.components(),
                    System.getProperty(ISSUER_PROPERTY, LocalIdp.ISSUER), System.getProperty(AUDIENCE_PROPERTY, LocalIdp.AUDIENCE),
                    Duration.ofHours(1)), Instant.now());
            tokens = () -> minted;
        }
        boolean ok = LinkCheck.run(URI.create(consumer.endsWith("/") ? consumer.substring(0, consumer.length() - 1) : consumer),
                args.get("base-url", "https://api.felleskomponent.no"), data, tokens, System.out);
        System.exit(ok ? 0 : 1);
    }
}
