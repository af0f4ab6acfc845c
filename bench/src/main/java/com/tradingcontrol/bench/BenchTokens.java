package com.tradingcontrol.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * Tokens for the benchmark's private API instance. HS256 with a random per-run secret: the bench
 * API allows HS256 only because it lives and dies inside this process on loopback.
 */
public final class BenchTokens {
    public static final String ISSUER = "tcp-bench";
    public static final String AUDIENCE = "trading-control-api";

    private final String secret;

    public BenchTokens() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        this.secret = Base64.getEncoder().encodeToString(bytes);
    }

    public String secret() {
        return secret;
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
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(2))))
                .claim("roles", roles);
        if (tenant != null) {
            claims.claim("tenant_id", tenant);
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a bench token", e);
        }
    }
}
