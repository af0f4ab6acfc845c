package com.tradingcontrol.api.ws;

import com.tradingcontrol.api.auth.AuthSetup;
import com.tradingcontrol.api.auth.BearerTokens;
import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.auth.InvalidTokenException;
import com.tradingcontrol.api.auth.KeysUnavailableException;
import com.tradingcontrol.api.auth.ProblemUnauthorizedHandler;
import com.tradingcontrol.api.errors.ProblemCode;
import com.tradingcontrol.api.errors.Problems;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServlet;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServletFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates, authorises and admits the handshake, then upgrades. The check lives in
 * {@link #service} because Jetty 12 runs its websocket upgrade filter before filters registered the
 * usual way, so a filter could only reject after the upgrade; here a refused client gets a plain
 * 401/403/429 problem response and no connection.
 */
public final class PushWebSocketServlet extends JettyWebSocketServlet {
    private static final Logger LOG = LoggerFactory.getLogger(PushWebSocketServlet.class);
    private static final String HANDSHAKE = PushWebSocketServlet.class.getName() + ".handshake";
    /** A refused connection can only succeed once another of the caller's connections closed. */
    private static final Duration TOO_MANY_RETRY_AFTER = Duration.ofSeconds(5);

    private final transient PushChannel channel;
    private final transient PushServer server;

    PushWebSocketServlet(PushChannel channel, PushServer server) {
        this.channel = channel;
        this.server = server;
    }

    @Override
    protected void configure(JettyWebSocketServletFactory factory) {
        factory.setIdleTimeout(Duration.ofMillis(server.config().getIdleTimeout().toMilliseconds()));
        factory.setMaxOutgoingFrames(server.config().getMaxQueuedMessages());
        factory.setCreator((request, response) -> new PushEndpoint(server.hub(),
                (Handshake) request.getServletAttribute(HANDSHAKE), server.expiries()));
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Optional<Handshake> handshake = admit(request, response);
        if (handshake.isEmpty()) {
            return;
        }
        request.setAttribute(HANDSHAKE, handshake.get());
        try {
            super.service(request, response);
        } finally {
            // No endpoint was created (the upgrade failed): nobody else will give the slot back.
            if (!handshake.get().lease().claimed()) {
                handshake.get().lease().release();
            }
        }
    }

    /** The handshake to upgrade with, or empty after answering the refusal. */
    private Optional<Handshake> admit(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> token = BearerTokens.from(request);
        Optional<Caller> caller = token.isEmpty() ? unauthorized(response) : authenticate(token.get(), response);
        if (caller.isEmpty()) {
            return Optional.empty();
        }
        if (!channel.admits(caller.get())) {
            LOG.info("Refused {} handshake for subject {}", channel.path(), caller.get().subject());
            return problem(response, ProblemCode.FORBIDDEN, "This channel is not available to you.");
        }
        // Compared with "websocket" because HTTP clients also send "Upgrade: h2c" on ordinary requests.
        if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            return problem(response, ProblemCode.BAD_REQUEST, "This path only accepts websocket handshakes.");
        }
        ResumeRequest resume;
        try {
            resume = ResumeParameters.parse(request);
        } catch (IllegalArgumentException e) {
            return problem(response, ProblemCode.VALIDATION_FAILED, e.getMessage());
        }
        Optional<ConnectionLimiter.Lease> lease = server.limiter().tryAcquire(caller.get().subject());
        if (lease.isEmpty()) {
            LOG.info("Refused {} handshake for subject {}: {} connections open", channel.path(),
                    caller.get().subject(), server.limiter().maxPerPrincipal());
            response.setHeader("Retry-After", String.valueOf(TOO_MANY_RETRY_AFTER.toSeconds()));
            return problem(response, ProblemCode.TOO_MANY_CONNECTIONS, "You already have "
                    + server.limiter().maxPerPrincipal() + " websocket connections open; close one first.");
        }
        return Optional.of(new Handshake(channel.streamFor(caller.get()), resume, lease.get(),
                TokenExpiry.closeAt(token.get(), server.clockSkew())));
    }

    private Optional<Caller> authenticate(String token, HttpServletResponse response) throws IOException {
        try {
            return Optional.of(server.verifier().verify(token));
        } catch (InvalidTokenException e) {
            LOG.info("Rejected websocket bearer token: {}", e.getMessage());
            return unauthorized(response);
        } catch (KeysUnavailableException e) {
            LOG.warn("Cannot verify websocket bearer token", e);
            return problem(response, ProblemCode.AUTH_UNAVAILABLE,
                    "Token verification keys are temporarily unavailable; retry shortly.");
        }
    }

    private <T> Optional<T> unauthorized(HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", ProblemUnauthorizedHandler.challenge(AuthSetup.SCHEME, server.realm()));
        return problem(response, ProblemCode.UNAUTHORIZED, ProblemUnauthorizedHandler.DETAIL);
    }

    private <T> Optional<T> problem(HttpServletResponse response, ProblemCode code, String detail) throws IOException {
        Problems.write(response, server.mapper(), Problems.of(code, detail));
        return Optional.empty();
    }
}
