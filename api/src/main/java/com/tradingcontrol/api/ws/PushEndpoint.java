package com.tradingcontrol.api.ws;

import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Server side of one push connection: subscribes on open, unsubscribes on close. Clients only listen. Public because Jetty invokes the listener methods through method handles. */
public final class PushEndpoint implements Session.Listener.AutoDemanding {
    private static final Logger LOG = LoggerFactory.getLogger(PushEndpoint.class);
    private final PushHub hub;
    private final StreamKey key;
    private final ResumeRequest resume;
    private AutoCloseable subscription;

    PushEndpoint(PushHub hub, StreamKey key, ResumeRequest resume) {
        this.hub = hub;
        this.key = key;
        this.resume = resume;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        subscription = hub.subscribe(key, new SessionSink(session), resume);
    }

    @Override
    public void onWebSocketText(String message) {
        LOG.debug("Ignoring client message on push stream {}", key);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug("Websocket error on stream {}", key, cause);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        if (subscription == null) {
            return;
        }
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.warn("Could not detach websocket from stream {}", key, e);
        }
    }
}
