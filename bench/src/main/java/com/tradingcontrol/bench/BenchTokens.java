package com.tradingcontrol.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * Tokens for the benchmark's private API instance. By default RS256 with an RSA key generated per run, as
 * production verifies them (the API is given the public half as {@code auth.publicKeyPem}), so the
 * measured request path includes the real signature check rather than a cheaper HMAC. {@code --token-alg
 * HS256} signs with a random secret per run instead ({@code auth.allowHs256}), as builds before issue 16
 * did: only to compare their HTTP figures with the code's own cost, not the verification's.
 */
public final class BenchTokens {
    public static final String ISSUER = "tcp-bench";
    public static final String AUDIENCE = "trading-control-api";

    private static final Duration LIFETIME = Duration.ofHours(2);
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(10);

    private final JWSAlgorithm algorithm;
    private final RSAKey key;
    private final String hmacSecret;
    /**
     * Issued tokens by subject: an operator signs in once and sends many commands with one token, so
     * signing (an RSA private-key operation, 1-3 ms here) must not sit inside a timed request.
     */
    private final java.util.concurrent.ConcurrentMap<String, Issued> issued = new java.util.concurrent.ConcurrentHashMap<>();

    private record Issued(String token, Instant renewAfter) {}

    /** RS256, as production. */
    public BenchTokens() {
        this(JWSAlgorithm.RS256);
    }

    /** @param algorithm RS256 or HS256 */
    public BenchTokens(JWSAlgorithm algorithm) {
        if (!JWSAlgorithm.RS256.equals(algorithm) && !JWSAlgorithm.HS256.equals(algorithm)) {
            throw new IllegalArgumentException("bench tokens are RS256 or HS256, not " + algorithm);
        }
        this.algorithm = algorithm;
        try {
            this.key = new RSAKeyGenerator(2048).keyID("bench").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the bench's token key", e);
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.hmacSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The public half as PEM, for the bench API's {@code auth.publicKeyPem}. */
    public String publicKeyPem() {
        try {
            byte[] der = key.toRSAPublicKey().getEncoded();
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
            return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot export the bench's token key", e);
        }
    }

    /** The API's key source for these tokens: the lines under {@code auth:}, each indented by two spaces. */
    public String authKeyYaml() {
        if (JWSAlgorithm.HS256.equals(algorithm)) {
            return "  allowHs256: true\n  hs256Secret: " + hmacSecret + "\n";
        }
        return "  publicKeyPem: |\n    " + publicKeyPem().strip().replace("\n", "\n    ") + "\n";
    }

    public String admin() {
        return issue("bench-admin", null, List.of("admin"));
    }

    /** Approves {@link #admin()}'s kill-switch release proposals (two-person rule). */
    public String secondAdmin() {
        return issue("bench-admin-2", null, List.of("admin"));
    }

    public String operator() {
        return issue("bench-operator", null, List.of("operator"));
    }

    public String customer(String tenant) {
        return issue("bench-" + tenant, tenant, List.of("customer"));
    }

    private String issue(String subject, String tenant, List<String> roles) {
        Instant now = Instant.now();
        Issued current = issued.get(subject);
        if (current == null || now.isAfter(current.renewAfter())) {
            current = new Issued(sign(subject, tenant, roles, now), now.plus(LIFETIME).minus(RENEW_BEFORE));
            issued.put(subject, current);
        }
        return current.token();
    }

    private String sign(String subject, String tenant, List<String> roles, Instant now) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(LIFETIME)))
                .claim("roles", roles);
        if (tenant != null) {
            claims.claim("tenant_id", tenant);
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(),
                    claims.build());
            jwt.sign(signer());
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a bench token", e);
        }
    }

    private JWSSigner signer() throws JOSEException {
        if (JWSAlgorithm.HS256.equals(algorithm)) {
            return new MACSigner(hmacSecret.getBytes(StandardCharsets.UTF_8));
        }
        return new RSASSASigner(key);
    }
}
