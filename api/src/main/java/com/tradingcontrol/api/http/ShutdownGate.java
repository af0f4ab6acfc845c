package com.tradingcontrol.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradingcontrol.api.errors.ProblemCode;
import com.tradingcontrol.api.errors.Problems;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Graceful shutdown, first step: once the server starts stopping, no new request (command or read)
 * gets in; it is answered 503 SHUTTING_DOWN with Retry-After, so a client retries with the same
 * Idempotency-Key on another instance. Requests already inside (waits included) run to their outcome
 * during Dropwizard's shutdown grace period. Requests that reach Jetty after its graceful handler
 * closed get the same problem from {@link com.tradingcontrol.api.errors.ProblemErrorHandler}.
 */
public final class ShutdownGate implements Filter, LifeCycle.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownGate.class);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ObjectMapper mapper;
    private final long retryAfterSeconds;

    public ShutdownGate(ObjectMapper mapper, Duration retryAfter) {
        this.mapper = mapper;
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    @Override
    public void lifeCycleStopping(LifeCycle event) {
        if (event instanceof Server && closed.compareAndSet(false, true)) {
            LOG.info("Shutting down: new requests are answered 503 SHUTTING_DOWN");
        }
    }

    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!closed.get()) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse http = (HttpServletResponse) response;
        http.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        http.setHeader("Connection", "close");
        Problems.write(http, mapper, Problems.of(ProblemCode.SHUTTING_DOWN,
                "The server is shutting down; retry after the indicated delay (with the same Idempotency-Key for commands)."));
    }
}
