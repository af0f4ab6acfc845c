package com.tradingcontrol.api.ws;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server side of one push connection: subscribes on open, closes with 1008 (policy violation) when
 * the caller's token expires, and on close unsubscribes and gives the caller's slot back. Clients
 * only listen; one whose token expired reconnects with a fresh token (and resumes). Public because
 * Jetty invokes the listener methods through method handles.
 */
public final class PushEndpoint implements Session.Listener.AutoDemanding {
    private static final Logger LOG = LoggerFactory.getLogger(PushEndpoint.class);
    private final PushHub hub;
    private final Handshake handshake;
    private final ScheduledExecutorService expiries;
    private AutoCloseable subscription;
    private ScheduledFuture<?> expiry;

    PushEndpoint(PushHub hub, Handshake handshake, ScheduledExecutorService expiries) {
        this.hub = hub;
        this.handshake = handshake;
        this.expiries = expiries;
        handshake.lease().claim();
    }

    @Override
    public void onWebSocketOpen(Session session) {
        subscription = hub.subscribe(handshake.key(), new SessionSink(session), handshake.resume());
        long delayMillis = Math.max(0, Duration.between(Instant.now(), handshake.closeAt()).toMillis());
        expiry = expiries.schedule(() -> expire(session), delayMillis, TimeUnit.MILLISECONDS);
    }

    private void expire(Session session) {
        LOG.info("Closing websocket on stream {}: the token expired at {}", handshake.key(), handshake.closeAt());
        session.close(StatusCode.POLICY_VIOLATION, "token expired; reconnect with a new token", Callback.NOOP);
    }

    @Override
    public void onWebSocketText(String message) {
        LOG.debug("Ignoring client message on push stream {}", handshake.key());
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug("Websocket error on stream {}", handshake.key(), cause);
        if (subscription == null) {
            // Failed before it opened: no close event will follow to give the slot back.
            handshake.lease().release();
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        if (expiry != null) {
            expiry.cancel(false);
        }
        handshake.lease().release();
        if (subscription == null) {
            return;
        }
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.warn("Could not detach websocket from stream {}", handshake.key(), e);
        }
    }
}
