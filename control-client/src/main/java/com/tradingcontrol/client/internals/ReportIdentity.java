package com.tradingcontrol.client.internals;

import com.tradingcontrol.client.ControlClientConfig;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Who reports: the configured engine id and version, this library's version and the host. */
record ReportIdentity(String engineId, String engineVersion, String clientVersion, String host) {

    /** Resolves the host name when not configured (may ask DNS: call it off the engine's threads). */
    static ReportIdentity of(ControlClientConfig config) {
        String host = config.host();
        if (host == null) {
            host = System.getenv("HOSTNAME");
        }
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = null;
            }
        }
        return new ReportIdentity(config.engineId(), config.engineVersion(),
                ReportIdentity.class.getPackage().getImplementationVersion(), host);
    }
}
