package com.tradingcontrol.api.ws;

import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * When a websocket must be closed because its token no longer holds: the token's {@code exp} plus
 * the configured clock skew, the same instant from which the token is refused on REST. Read only
 * after the token was verified (signature, issuer, audience, a required {@code exp}).
 */
final class TokenExpiry {
    private TokenExpiry() {}

    static Instant closeAt(String verifiedToken, Duration clockSkew) {
        Date exp;
        try {
            exp = JWTParser.parse(verifiedToken).getJWTClaimsSet().getExpirationTime();
        } catch (ParseException e) {
            throw new IllegalStateException("A verified token could not be parsed again", e);
        }
        if (exp == null) {
            throw new IllegalStateException("A verified token has no exp claim");
        }
        return exp.toInstant().plus(clockSkew);
    }
}
