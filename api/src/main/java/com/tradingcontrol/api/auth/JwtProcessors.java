package com.tradingcontrol.api.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.proc.SingleKeyJWSKeySelector;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.JWTProcessor;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds the nimbus processor for the configured key source. The accepted algorithms are fixed by
 * the configuration, never taken from the token: that is what refuses {@code alg=none} and the
 * "HS256 signed with the RSA public key" confusion attack.
 */
final class JwtProcessors {
    private static final int JWKS_SIZE_LIMIT = 256 * 1024;

    private JwtProcessors() {}

    static JWTProcessor<SecurityContext> build(AuthConfig config) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(keySelector(config));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                // A mutable set: nimbus asks it whether it contains null, which Set.of() refuses to answer.
                new HashSet<>(Set.of(config.getAudience())),
                new JWTClaimsSet.Builder().issuer(config.getIssuer()).build(),
                new HashSet<>(Set.of("sub", "exp", "iss", "aud")),
                new HashSet<>());
        claims.setMaxClockSkew((int) config.getClockSkew().toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
        return processor;
    }

    private static JWSKeySelector<SecurityContext> keySelector(AuthConfig config) {
        if (config.getPublicKeyPem() != null) {
            // A single configured key is used whatever "kid" the token names; the algorithm still must match.
            JWK key = PublicKeys.parse(config.getPublicKeyPem());
            return new SingleKeyJWSKeySelector<>(PublicKeys.algorithmFor(key), PublicKeys.toJavaKey(key));
        }
        if (config.getJwks() != null) {
            return new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), jwks(config.getJwks()));
        }
        if (config.isAllowHs256() && config.getHs256Secret() != null) {
            byte[] secret = config.getHs256Secret().getBytes(StandardCharsets.UTF_8);
            return new SingleKeyJWSKeySelector<>(JWSAlgorithm.HS256, new SecretKeySpec(secret, "HmacSHA256"));
        }
        throw new IllegalArgumentException("auth: no usable key source (auth.publicKeyPem, auth.jwks or auth.hs256Secret)");
    }

    private static JWKSource<SecurityContext> jwks(JwksConfig jwks) {
        DefaultResourceRetriever retriever = new DefaultResourceRetriever(
                (int) jwks.getConnectTimeout().toMilliseconds(), (int) jwks.getReadTimeout().toMilliseconds(), JWKS_SIZE_LIMIT);
        JWKSourceBuilder<SecurityContext> builder;
        try {
            builder = JWKSourceBuilder.create(jwks.getUrl().toURL(), retriever);
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("auth.jwks.url is not a usable URL: " + jwks.getUrl(), e);
        }
        builder.cache(jwks.getCacheTtl().toMilliseconds(), jwks.getRefreshTimeout().toMilliseconds());
        if (jwks.getRefreshAhead().toMilliseconds() > 0) {
            builder.refreshAheadCache(jwks.getRefreshAhead().toMilliseconds(), false);
        }
        if (jwks.getRateLimit().toMilliseconds() > 0) {
            builder.rateLimited(jwks.getRateLimit().toMilliseconds());
        } else {
            builder.rateLimited(false);
        }
        return builder.retrying(jwks.isRetry()).build();
    }
}
