package no.fint.platform.tokens;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.security.jwt.jwk.JwkRSA;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * An RSA signing key (RS256) and its public JWKS. Locally ({@code ./fint up}, {@code ./fint token}, the
 * demo adapter) it is generated once into {@code .fint/keys/}: {@code signing-key.pem} (PKCS#8, private,
 * owner-only) and {@code jwks.json} (the public key, what the services verify against). The key id is
 * the key's RFC 7638 thumbprint.
 */
public final class SigningKey {

    public static final String PRIVATE_FILE = "signing-key.pem";
    public static final String JWKS_FILE = "jwks.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final RSAPrivateCrtKey privateKey;
    private final RSAPublicKey publicKey;
    private final String keyId;
    private final JwkRSA jwk;

    private SigningKey(RSAPrivateCrtKey privateKey) {
        try {
            this.privateKey = privateKey;
            this.publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.keyId = thumbprint(publicKey);
        this.jwk = JwkRSA.builder().privateKey(privateKey).publicKey(publicKey).keyId(keyId).algorithm(JwkRSA.ALG_RS256).build();
    }

    /** A new 2048-bit key. */
    public static SigningKey generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return new SigningKey((RSAPrivateCrtKey) g.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The key in {@code dir}, generated and written there (with its {@code jwks.json}) the first time.
     * Safe when two processes race: the files are written to temporary names and moved into place, and
     * the loser reads the winner's key.
     */
    public static SigningKey loadOrCreate(Path dir) {
        Path pem = dir.resolve(PRIVATE_FILE);
        try {
            if (!Files.exists(pem)) {
                Files.createDirectories(dir);
                SigningKey fresh = generate();
                Path tmp = Files.createTempFile(dir, ".signing-key", ".tmp");
                setPermissions(tmp, "rw-------");
                Files.writeString(tmp, fresh.privatePem());
                try {
                    Files.move(tmp, pem, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                    Files.deleteIfExists(tmp);
                }
            }
            SigningKey key = load(pem);
            Path jwks = dir.resolve(JWKS_FILE);
            if (!Files.exists(jwks) || !Files.readString(jwks).equals(key.jwks())) {
                Path tmp = Files.createTempFile(dir, ".jwks", ".tmp");
                setPermissions(tmp, "rw-r--r--"); // public: what anyone verifies tokens with
                Files.writeString(tmp, key.jwks());
                Files.move(tmp, jwks, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create or read the signing key in " + dir, e);
        }
    }

    /** A key from its PKCS#8 PEM file. */
    public static SigningKey load(Path pem) {
        try {
            String text = Files.readString(pem, StandardCharsets.US_ASCII);
            String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return new SigningKey((RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing key " + pem, e);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException(pem + " is not an RSA private key in PKCS#8 PEM form", e);
        }
    }

    public String keyId() {
        return keyId;
    }

    /** For signing with helidon-security-jwt's {@code SignedJwt}. */
    public JwkRSA jwk() {
        return jwk;
    }

    /** The public key as a JWK Set (what {@code mp.jwt.verify.publickey.location} points at). */
    public String jwks() {
        ObjectNode root = JSON.createObjectNode();
        root.putArray("keys").addObject()
                .put("kty", "RSA")
                .put("use", "sig")
                .put("alg", JwkRSA.ALG_RS256)
                .put("kid", keyId)
                .put("n", B64URL.encodeToString(unsigned(publicKey.getModulus())))
                .put("e", B64URL.encodeToString(unsigned(publicKey.getPublicExponent())));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String privatePem() {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(privateKey.getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
    }

    private static String thumbprint(RSAPublicKey key) {
        // RFC 7638: the required members in lexicographic order, no whitespace.
        String canonical = "{\"e\":\"" + B64URL.encodeToString(unsigned(key.getPublicExponent())) + "\",\"kty\":\"RSA\",\"n\":\""
                + B64URL.encodeToString(unsigned(key.getModulus())) + "\"}";
        try {
            return B64URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsigned(BigInteger n) {
        byte[] b = n.toByteArray();
        return b.length > 1 && b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    private static void setPermissions(Path file, String permissions) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the directory's permissions protect it
        }
    }
}
