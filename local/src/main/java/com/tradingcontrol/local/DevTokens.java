package com.tradingcontrol.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Development tokens for the local launcher only: an RSA key generated once and kept in the data
 * dir signs tokens for one user of each role. The production configuration never trusts this key:
 * it is passed to the local API's configuration alone, under a local-only issuer.
 */
public final class DevTokens {
    public static final String ISSUER = "tcp-local-dev";
    public static final String AUDIENCE = "trading-control-api";
    private static final Duration LIFETIME = Duration.ofDays(30);

    private final RSAKey key;

    private DevTokens(RSAKey key) {
        this.key = key;
    }

    /** Loads the key from {@code dir/dev-signing-key.json}, generating it on first use. */
    public static DevTokens loadOrCreate(Path dir) throws IOException {
        Path file = dir.resolve("dev-signing-key.json");
        try {
            if (Files.exists(file)) {
                return new DevTokens(RSAKey.parse(Files.readString(file)));
            }
            RSAKey generated = new RSAKeyGenerator(2048).keyID("local-" + UUID.randomUUID()).generate();
            Path tmp = dir.resolve("dev-signing-key.json.tmp");
            Files.writeString(tmp, generated.toJSONString());
            restrictToOwner(tmp);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return new DevTokens(generated);
        } catch (ParseException | JOSEException e) {
            throw new IOException("Unusable development signing key " + file + ": " + e.getMessage(), e);
        }
    }

    /** The public half as PEM, for the local API's auth configuration. */
    public String publicKeyPem() throws JOSEException {
        byte[] der = key.toRSAPublicKey().getEncoded();
        String body = java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    /**
     * One token per development user: admin, admin-2 (a second admin, so the two-person rule for
     * releasing the kill switch can be exercised locally), operator, auditor, customer-a, customer-b.
     */
    public Map<String, String> issueAll(Instant now) throws JOSEException {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("admin", issue("dev-admin", null, List.of("admin"), now));
        tokens.put("admin-2", issue("dev-admin-2", null, List.of("admin"), now));
        tokens.put("operator", issue("dev-operator", null, List.of("operator"), now));
        tokens.put("auditor", issue("dev-auditor", null, List.of("auditor"), now));
        tokens.put("customer-a", issue("customer-a", "tenant-a", List.of("customer"), now));
        tokens.put("customer-b", issue("customer-b", "tenant-b", List.of("customer"), now));
        return tokens;
    }

    public String issue(String subject, String tenant, List<String> roles, Instant now) throws JOSEException {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE)
                .subject(subject).issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(LIFETIME))).claim("roles", roles);
        if (tenant != null) {
            claims.claim("tenant_id", tenant);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Non-POSIX file systems (Windows) keep their default ACLs; the key is for local use only.
        }
    }
}
