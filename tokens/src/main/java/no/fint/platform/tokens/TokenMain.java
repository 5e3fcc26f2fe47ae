package no.fint.platform.tokens;

import no.fint.platform.auth.PrincipalKind;
import no.fint.platform.model.Component;
import no.fint.platform.records.Topics;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./fint token ...}: prints a token signed with the local key (generated into {@code .fint/keys}
 * on first use), and {@code keys}: makes sure the local key exists and prints its JWKS file (what
 * {@code ./fint up} gives the services as {@code mp.jwt.verify.publickey.location}).
 */
public final class TokenMain {

    static final String USAGE = """
            usage: ./fint token (--adapter | --client) --org ORG[,ORG...] --component DOMAIN-PACKAGE[,...]
                                [--username NAME] [--validity 8h] [--keys DIR] [--issuer URL] [--audience NAME]
                     prints a token like FINT's IdP issues (claims cn, fintAssetIDs, scope, Roles) signed with the
                     local key; e.g. ./fint token --client --org fint.no --component utdanning-elev
                   keys [--keys DIR]
                     creates the local signing key if it is missing and prints the path of its jwks.json
            """;

    /** Set by ./fint: where the local key lives, and the issuer and audience the services expect. */
    static final String KEYS_PROPERTY = "fint.keys.dir";
    static final String ISSUER_PROPERTY = "fint.auth.issuer";
    static final String AUDIENCE_PROPERTY = "fint.auth.audience";

    /** A wrong command line: the message, then the usage. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private TokenMain() {
    }

    public static void main(String[] args) {
        try {
            System.out.println(run(List.of(args)));
        } catch (UsageException e) {
            System.err.println("fint: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        }
    }

    /** What the command prints. */
    static String run(List<String> args) {
        if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
            return USAGE.stripTrailing();
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "token" -> token(rest);
            case "keys" -> {
                Path dir = keysDir(option(rest, "--keys"));
                SigningKey.loadOrCreate(dir);
                yield dir.resolve(SigningKey.JWKS_FILE).toAbsolutePath().toString();
            }
            default -> throw new UsageException("unknown command '" + args.get(0) + "' (token or keys)");
        };
    }

    static String token(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            boolean flag = a.equals("--adapter") || a.equals("--client");
            boolean valued = List.of("--org", "--component", "--username", "--validity", "--keys", "--issuer", "--audience").contains(a);
            if (!flag && !valued) {
                throw new UsageException("unknown option '" + a + "'");
            }
            if (valued) {
                i++;
                if (i >= args.size()) {
                    throw new UsageException(a + " needs a value");
                }
            }
        }
        boolean adapter = args.contains("--adapter");
        if (adapter == args.contains("--client")) {
            throw new UsageException("say --adapter or --client");
        }
        PrincipalKind kind = adapter ? PrincipalKind.ADAPTER : PrincipalKind.CLIENT;
        List<String> orgs = new ArrayList<>();
        for (String org : values(args, "--org")) {
            String o = org.toLowerCase(Locale.ROOT);
            if (!Topics.validOrgId(o)) {
                throw new UsageException("--org: '" + org + "' is not an organisation id (a lower-case domain name such as fint.no)");
            }
            orgs.add(o);
        }
        if (orgs.isEmpty()) {
            throw new UsageException("--org is required");
        }
        List<Component> components = new ArrayList<>();
        for (String c : values(args, "--component")) {
            try {
                components.add(Component.parse(c));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--component: " + e.getMessage());
            }
        }
        if (components.isEmpty()) {
            throw new UsageException("--component is required (e.g. utdanning-elev)");
        }
        String username = option(args, "--username");
        Duration validity = validity(option(args, "--validity"));
        String issuer = orDefault(option(args, "--issuer"), System.getProperty(ISSUER_PROPERTY), LocalIdp.ISSUER);
        String audience = orDefault(option(args, "--audience"), System.getProperty(AUDIENCE_PROPERTY), LocalIdp.AUDIENCE);
        TokenRequest request = new TokenRequest(kind, username != null ? username : TokenRequest.defaultUsername(kind, orgs.get(0)),
                orgs, components, issuer, audience, validity);
        return TokenMinter.mint(SigningKey.loadOrCreate(keysDir(option(args, "--keys"))), request, Instant.now());
    }

    static Duration validity(String text) {
        if (text == null) {
            return Duration.ofHours(8);
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        Duration d;
        try {
            if (t.startsWith("p")) {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } else if (t.endsWith("h")) {
                d = Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            } else {
                d = Duration.ofSeconds(Long.parseLong(t.endsWith("s") ? t.substring(0, t.length() - 1) : t));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new UsageException("--validity: '" + text + "' is not a duration (8h, 30m, 600, PT8H)");
        }
        if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(30)) > 0) {
            throw new UsageException("--validity must be more than 0 and at most 30 days");
        }
        return d;
    }

    private static Path keysDir(String option) {
        String dir = orDefault(option, System.getProperty(KEYS_PROPERTY), ".fint/keys");
        return Path.of(dir);
    }

    private static String orDefault(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c;
            }
        }
        return null;
    }

    private static String option(List<String> args, String name) {
        int i = args.lastIndexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : null;
    }

    private static List<String> values(List<String> args, String name) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals(name)) {
                for (String v : args.get(i + 1).split(",")) {
                    if (!v.isBlank()) {
                        out.add(v.strip());
                    }
                }
            }
        }
        return out;
    }
}
