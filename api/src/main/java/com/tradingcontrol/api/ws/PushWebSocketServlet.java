package com.tradingcontrol.api.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradingcontrol.api.auth.AuthSetup;
import com.tradingcontrol.api.auth.BearerTokens;
import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.auth.InvalidTokenException;
import com.tradingcontrol.api.auth.JwtVerifier;
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
 * Authenticates and authorises the handshake, then upgrades. The check lives in {@link #service}
 * because Jetty 12 runs its websocket upgrade filter before filters registered the usual way, so a
 * filter could only reject after the upgrade; here a refused client gets a plain 401/403 problem
 * response and no connection.
 */
public final class PushWebSocketServlet extends JettyWebSocketServlet {
    private static final Logger LOG = LoggerFactory.getLogger(PushWebSocketServlet.class);
    private static final String STREAM = PushWebSocketServlet.class.getName() + ".stream";
    private static final String RESUME = PushWebSocketServlet.class.getName() + ".resume";

    private final transient PushChannel channel;
    private final transient PushHub hub;
    private final transient JwtVerifier verifier;
    private final transient WebSocketConfig config;
    private final transient ObjectMapper mapper;
    private final String realm;

    public PushWebSocketServlet(PushChannel channel, PushHub hub, JwtVerifier verifier, WebSocketConfig config,
                                ObjectMapper mapper, String realm) {
        this.channel = channel;
        this.hub = hub;
        this.verifier = verifier;
        this.config = config;
        this.mapper = mapper;
        this.realm = realm;
    }

    @Override
    protected void configure(JettyWebSocketServletFactory factory) {
        factory.setIdleTimeout(Duration.ofMillis(config.getIdleTimeout().toMilliseconds()));
        factory.setMaxOutgoingFrames(config.getMaxQueuedMessages());
        factory.setCreator((request, response) -> new PushEndpoint(hub,
                (StreamKey) request.getServletAttribute(STREAM), (ResumeRequest) request.getServletAttribute(RESUME)));
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Optional<Caller> caller = authenticate(request, response);
        if (caller.isEmpty()) {
            return;
        }
        if (!channel.admits(caller.get())) {
            LOG.info("Refused {} handshake for subject {}", channel.path(), caller.get().subject());
            problem(response, ProblemCode.FORBIDDEN, "This channel is not available to you.");
            return;
        }
        // Compared with "websocket" because HTTP clients also send "Upgrade: h2c" on ordinary requests.
        if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            problem(response, ProblemCode.BAD_REQUEST, "This path only accepts websocket handshakes.");
            return;
        }
        try {
            request.setAttribute(RESUME, ResumeParameters.parse(request));
        } catch (IllegalArgumentException e) {
            problem(response, ProblemCode.VALIDATION_FAILED, e.getMessage());
            return;
        }
        request.setAttribute(STREAM, channel.streamFor(caller.get()));
        super.service(request, response);
    }

    private Optional<Caller> authenticate(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> token = BearerTokens.from(request);
        if (token.isEmpty()) {
            unauthorized(response);
            return Optional.empty();
        }
        try {
            return Optional.of(verifier.verify(token.get()));
        } catch (InvalidTokenException e) {
            LOG.info("Rejected websocket bearer token: {}", e.getMessage());
            unauthorized(response);
        } catch (KeysUnavailableException e) {
            LOG.warn("Cannot verify websocket bearer token", e);
            problem(response, ProblemCode.AUTH_UNAVAILABLE, "Token verification keys are temporarily unavailable; retry shortly.");
        }
        return Optional.empty();
    }

    private void unauthorized(HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", ProblemUnauthorizedHandler.challenge(AuthSetup.SCHEME, realm));
        problem(response, ProblemCode.UNAUTHORIZED, ProblemUnauthorizedHandler.DETAIL);
    }

    private void problem(HttpServletResponse response, ProblemCode code, String detail) throws IOException {
        Problems.write(response, mapper, Problems.of(code, detail));
    }
}
