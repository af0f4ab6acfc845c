package com.tradingcontrol.api.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Builds signed (and deliberately broken) tokens for the tests. */
public final class Tokens {
    public static final String ISSUER = "https://issuer.test";
    public static final String AUDIENCE = "trading-control-api";

    private Tokens() {}

    public static JWTClaimsSet.Builder claims(String subject, String tenant, String... roles) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("roles", List.of(roles));
        if (tenant != null) {
            builder.claim("tenant_id", tenant);
        }
        return builder;
    }

    public static String rs256(JWTClaimsSet.Builder claims) {
        return rs256(TestKeys.RSA, claims);
    }

    public static String rs256(RSAKey key, JWTClaimsSet.Builder claims) {
        try {
            return sign(new RSASSASigner(key), new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String es256(ECKey key, JWTClaimsSet.Builder claims) {
        try {
            return sign(new ECDSASigner(key), new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hs256(byte[] secret, JWTClaimsSet.Builder claims) {
        try {
            return sign(new MACSigner(secret), new JWSHeader(JWSAlgorithm.HS256), claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String unsigned(JWTClaimsSet.Builder claims) {
        return new PlainJWT(new PlainHeader(), claims.build()).serialize();
    }

    /** Re-encodes the payload with other claims but keeps the original signature. */
    public static String tampered(String token, JWTClaimsSet.Builder newClaims) {
        String[] parts = token.split("\\.");
        String payload = com.nimbusds.jose.util.Base64URL.encode(newClaims.build().toString()).toString();
        return parts[0] + "." + payload + "." + parts[2];
    }

    public static String customer(String tenant) {
        return rs256(claims("user-" + tenant, tenant, "customer"));
    }

    public static String operator() {
        return rs256(claims("op-1", null, "operator"));
    }

    public static String admin() {
        return rs256(claims("admin-1", null, "admin"));
    }

    /** Another admin than {@link #admin()}: the one who may approve admin-1's kill-switch release proposal. */
    public static String secondAdmin() {
        return rs256(claims("admin-2", null, "admin"));
    }

    private static String sign(JWSSigner signer, JWSHeader header, JWTClaimsSet.Builder claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(header, claims.build());
        jwt.sign(signer);
        return jwt.serialize();
    }
}
