package io.privatelink.provisioner.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * The embedded default's token issuer: an RSA key pair made at first start and kept under the data folder, tokens
 * signed with it, the push secret of the internal functions, the tokens' tenant's callback signing secret, and the
 * service configuration that trusts them.
 */
public final class LocalIssuer {

    public static final String ISSUER = "https://privatelink-provisioner.local";
    public static final String AUDIENCE = "privatelink-provisioner";
    /** The tenant of the ready tokens: the embedded default lets it use both of its accounts. */
    public static final String TENANT = "demo";

    private final Path dir;
    private final PrivateKey privateKey;
    private final String pushSecret;
    private final String callbackSecret;

    private LocalIssuer(Path dir, PrivateKey privateKey, String pushSecret, String callbackSecret) {
        this.dir = dir;
        this.privateKey = privateKey;
        this.pushSecret = pushSecret;
        this.callbackSecret = callbackSecret;
    }

    /** The issuer kept in {@code dir}, made there first if it is not yet. */
    public static LocalIssuer open(Path dir) {
        try {
            Files.createDirectories(dir);
            Path privatePem = dir.resolve("private-key.pem");
            if (!Files.exists(privatePem)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                writePrivate(dir.resolve("public-key.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                writePrivate(dir.resolve("push-secret"), secret());
                writePrivate(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            }
            String body = Files.readString(privatePem).replaceAll("-----[A-Z ]+-----|\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            // Made on its own: a data folder from before callbacks has every other file already.
            Path callbackSecret = dir.resolve("callback-secret");
            if (!Files.exists(callbackSecret)) {
                byte[] bytes = new byte[32];
                new SecureRandom().nextBytes(bytes);
                writePrivate(callbackSecret, "whsec_" + Base64.getEncoder().encodeToString(bytes) + "\n");
            }
            return new LocalIssuer(dir, key, Files.readString(dir.resolve("push-secret")).trim(),
                    Files.readString(callbackSecret).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make or read the local token key in " + dir, e);
        }
    }

    /** A token of this issuer for the service, signed with its key. */
    public String token(String subject, String tenant, Duration lifetime, String... roles) {
        var claims = Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).groups(Set.of(roles)).expiresIn(lifetime);
        if (tenant != null) {
            claims.claim("tenant", tenant);
        }
        return sign(claims);
    }

    /** Any claims, signed with this issuer's key (tests forge other issuers and audiences with a trusted key). */
    public String sign(JwtClaimsBuilder claims) {
        return claims.sign(privateKey);
    }

    public String pushSecret() {
        return pushSecret;
    }

    /** The ready tokens' tenant's callback signing secret (whsec_ form), as a receiver needs it. */
    public String callbackSecret() {
        return callbackSecret;
    }

    /** Writes a ready token for each role into files named after it; answers the folder. */
    public Path writeRoleTokens(Duration lifetime) {
        try {
            for (String role : new String[] {"provisioner", "auditor", "publisher"}) {
                writePrivate(dir.resolve(role + ".token"), token("local-" + role, TENANT, lifetime, role));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service's configuration that trusts this issuer's tokens and pushes. */
    public Map<String, String> serviceConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("mp.jwt.verify.publickey.location", dir.resolve("public-key.pem").toUri().toString());
        config.put("mp.jwt.verify.issuer", ISSUER);
        config.put("mp.jwt.verify.audiences", AUDIENCE);
        config.put("privatelink.auth.push-secret", pushSecret);
        config.put("privatelink.callbacks.tenants.\"" + TENANT + "\".secrets", callbackSecret);
        return config;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static String secret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Readable by the owner only: these files are credentials. */
    private static void writePrivate(Path file, String content) throws IOException {
        Files.writeString(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the folder's own permissions are what protects it.
        }
    }
}
