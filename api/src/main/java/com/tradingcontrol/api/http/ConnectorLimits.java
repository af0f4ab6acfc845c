package com.tradingcontrol.api.http;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.util.DataSize;
import java.util.List;

/**
 * A minimum request-body data rate on every application connector, so a body trickled in (one
 * byte every few seconds) is cut with 408 instead of holding a thread and a connection forever.
 * Jetty measures from the first body byte, so ordinary bodies (sent in one go, at most
 * {@code maxRequestBodySize}) are never affected. A connector that sets
 * {@code minRequestDataPerSecond} in the configuration keeps its own value; the connector's
 * {@code idleTimeout} (Dropwizard's default 30 s) cuts a client that sends nothing at all.
 * Applied in code so it holds whatever {@code server.type} and connector list the yml has.
 */
public final class ConnectorLimits {
    public static final DataSize DEFAULT_MIN_REQUEST_DATA_RATE = DataSize.bytes(256);

    private ConnectorLimits() {}

    public static void enforce(ServerFactory serverFactory) {
        for (ConnectorFactory connector : applicationConnectors(serverFactory)) {
            if (connector instanceof HttpConnectorFactory http && http.getMinRequestDataPerSecond().toBytes() == 0) {
                http.setMinRequestDataPerSecond(DEFAULT_MIN_REQUEST_DATA_RATE);
            }
        }
    }

    private static List<ConnectorFactory> applicationConnectors(ServerFactory serverFactory) {
        if (serverFactory instanceof DefaultServerFactory server) {
            return server.getApplicationConnectors();
        }
        if (serverFactory instanceof SimpleServerFactory server) {
            return List.of(server.getConnector());
        }
        return List.of();
    }
}
