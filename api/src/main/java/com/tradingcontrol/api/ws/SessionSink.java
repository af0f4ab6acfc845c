package com.tradingcontrol.api.ws;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A Jetty websocket session as a {@link PushSink}; a failed send (e.g. too many queued frames) closes it. */
final class SessionSink implements PushSink {
    private static final Logger LOG = LoggerFactory.getLogger(SessionSink.class);
    private final Session session;

    SessionSink(Session session) {
        this.session = session;
    }

    @Override
    public void send(String json) {
        if (!session.isOpen()) {
            return;
        }
        session.sendText(json, Callback.from(() -> { }, this::failed));
    }

    // A client that cannot keep up must reconnect and resume rather than silently miss messages.
    private void failed(Throwable failure) {
        LOG.info("Closing websocket {} after a failed send: {}", session.getRemoteSocketAddress(), failure.toString());
        session.close(StatusCode.TRY_AGAIN_LATER, "send failed; reconnect and resume", Callback.NOOP);
    }
}
