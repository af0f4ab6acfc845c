package com.tradingcontrol.api.ws;

import com.tradingcontrol.api.auth.JwtVerifier;
import io.dropwizard.core.setup.Environment;
import org.eclipse.jetty.ee10.websocket.server.config.JettyWebSocketServletContainerInitializer;

/** Mounts both push channels on the application's Jetty context. */
public final class WebSocketSetup {
    private WebSocketSetup() {}

    public static void install(Environment environment, PushHub hub, JwtVerifier verifier, WebSocketConfig config, String realm) {
        JettyWebSocketServletContainerInitializer.configure(environment.getApplicationContext(), null);
        for (PushChannel channel : PushChannel.values()) {
            PushWebSocketServlet servlet = new PushWebSocketServlet(
                    channel, hub, verifier, config, environment.getObjectMapper(), realm);
            environment.servlets().addServlet("push-" + channel.name().toLowerCase(), servlet).addMapping(channel.path());
        }
    }
}
