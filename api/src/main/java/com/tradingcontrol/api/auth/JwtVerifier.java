package com.tradingcontrol.api.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.JWTProcessor;
import java.text.ParseException;

/** Verifies a bearer JWT (signature, algorithm, issuer, audience, exp/nbf) and maps it to a {@link Caller}. */
public final class JwtVerifier {
    private final JWTProcessor<SecurityContext> processor;
    private final ClaimMapper claims;

    JwtVerifier(JWTProcessor<SecurityContext> processor, ClaimMapper claims) {
        this.processor = processor;
        this.claims = claims;
    }

    public static JwtVerifier fromConfig(AuthConfig config) {
        return new JwtVerifier(JwtProcessors.build(config), new ClaimMapper(config.getRolesClaim(), config.getTenantClaim()));
    }

    public Caller verify(String token) throws InvalidTokenException, KeysUnavailableException {
        JWTClaimsSet verified;
        try {
            verified = processor.process(token, null);
        } catch (KeySourceException e) {
            throw new KeysUnavailableException("verification keys unavailable: " + e.getMessage(), e);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new InvalidTokenException(e.getMessage(), e);
        }
        return claims.toCaller(verified);
    }
}
