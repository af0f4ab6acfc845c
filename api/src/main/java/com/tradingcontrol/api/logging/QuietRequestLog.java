package com.tradingcontrol.api.logging;

import ch.qos.logback.access.jetty.RequestLogImpl;
import ch.qos.logback.core.status.Status;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.request.logging.RequestLogFactory;
import org.eclipse.jetty.server.RequestLog;

/**
 * The request log without logback-access's start-up status dump. Its start prints every status line
 * unless quiet, and its version check warns falsely with Dropwizard 5.0 (it reads the jetty12 module's
 * version from Dropwizard's subclass, and the expected logback-core version from a file name that
 * logback-access 2.0.9 does not ship). Errors (an appender that cannot open its file) still print.
 */
public final class QuietRequestLog implements RequestLogFactory<RequestLog> {
    private final RequestLogFactory<?> delegate;

    private QuietRequestLog(RequestLogFactory<?> delegate) {
        this.delegate = delegate;
    }

    /** Wraps the configured request log factory; call before the server is built (in {@code run}). */
    public static void install(ServerFactory serverFactory) {
        if (serverFactory instanceof AbstractServerFactory server
                && !(server.getRequestLogFactory() instanceof QuietRequestLog)) {
            server.setRequestLogFactory(new QuietRequestLog(server.getRequestLogFactory()));
        }
    }

    @Override
    public boolean isEnabled() {
        return delegate.isEnabled();
    }

    @Override
    public RequestLog build(String name) {
        RequestLog log = delegate.build(name);
        if (log instanceof RequestLogImpl logback) {
            logback.setQuiet(true);
            logback.getStatusManager().add(status -> {
                if (status.getEffectiveLevel() >= Status.ERROR) {
                    System.err.println("request log: " + status);
                }
            });
        }
        return log;
    }
}
