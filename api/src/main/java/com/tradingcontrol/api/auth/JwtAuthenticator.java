package com.tradingcontrol.api.auth;

import com.tradingcontrol.api.errors.ApiException;
import com.tradingcontrol.api.errors.ProblemCode;
import io.dropwizard.auth.Authenticator;
import jakarta.ws.rs.WebApplicationException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** dropwizard-auth adapter around {@link JwtVerifier}. */
public final class JwtAuthenticator implements Authenticator<String, Caller> {
    private static final Logger LOG = LoggerFactory.getLogger(JwtAuthenticator.class);
    private final JwtVerifier verifier;
    private final String realm;

    public JwtAuthenticator(JwtVerifier verifier, String realm) {
        this.verifier = verifier;
        this.realm = realm;
    }

    @Override
    public Optional<Caller> authenticate(String token) {
        try {
            return Optional.of(verifier.verify(token));
        } catch (InvalidTokenException e) {
            // Empty means 401; the reason is for operators only, attackers learn nothing from the response.
            LOG.info("Rejected bearer token: {}", e.getMessage());
            if (e.publicDetail() != null) {
                // A verified token with unusable claims: say which, the caller cannot guess it.
                throw new WebApplicationException(ProblemUnauthorizedHandler.response(AuthSetup.SCHEME, realm, e.publicDetail()));
            }
            return Optional.empty();
        } catch (KeysUnavailableException e) {
            // Thrown as a WebApplicationException because dropwizard-auth turns AuthenticationException into a bare 500.
            LOG.warn("Cannot verify bearer token", e);
            throw new ApiException(ProblemCode.AUTH_UNAVAILABLE, "Token verification keys are temporarily unavailable; retry shortly.");
        }
    }
}
