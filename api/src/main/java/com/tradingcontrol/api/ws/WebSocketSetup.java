package com.tradingcontrol.api.ws;

import com.tradingcontrol.api.auth.AuthConfig;
import com.tradingcontrol.api.auth.JwtVerifier;
import io.dropwizard.core.setup.Environment;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.ee10.websocket.server.config.JettyWebSocketServletContainerInitializer;

/** Mounts both push channels on the application's Jetty context. */
public final class WebSocketSetup {
    private WebSocketSetup() {}

    public static void install(Environment environment, PushHub hub, JwtVerifier verifier, WebSocketConfig config,
                               AuthConfig auth) {
        JettyWebSocketServletContainerInitializer.configure(environment.getApplicationContext(), null);
        // One thread is plenty: a task only starts a close handshake.
        ScheduledExecutorService expiries = environment.lifecycle()
                .scheduledExecutorService("ws-token-expiry-%d", true).threads(1).build();
        PushServer server = new PushServer(hub, verifier, config,
                new ConnectionLimiter(config.getMaxConnectionsPerPrincipal()), expiries,
                Duration.ofMillis(auth.getClockSkew().toMilliseconds()), environment.getObjectMapper(), auth.getRealm());
        for (PushChannel channel : PushChannel.values()) {
            environment.servlets().addServlet("push-" + channel.name().toLowerCase(),
                    new PushWebSocketServlet(channel, server)).addMapping(channel.path());
        }
    }
}
