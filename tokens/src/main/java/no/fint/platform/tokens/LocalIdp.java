package no.fint.platform.tokens;

import java.nio.file.Path;

/**
 * The identity provider of a local run ({@code ./fint up}): a signing key generated once into
 * {@code .fint/keys/}, whose {@code jwks.json} the services verify against (a file location: no server
 * to run), and the issuer and audience the services expect. {@code ./fint token} and the demo adapter
 * mint with it. The values are overridable ({@code etc/local.properties}: {@code auth.issuer},
 * {@code auth.audience}).
 */
public final class LocalIdp {

    /** Default issuer of local tokens: clearly not a real IdP. */
    public static final String ISSUER = "http://localhost/fint-local-idp";
    /** Default audience, as FINT's token endpoint names its resource server ({@code resourceServer=fint-api}). */
    public static final String AUDIENCE = "fint-api";

    private LocalIdp() {
    }

    /** {@code .fint/keys} under the repository root. */
    public static Path keysDir(Path repoRoot) {
        return repoRoot.resolve(".fint").resolve("keys");
    }
}
