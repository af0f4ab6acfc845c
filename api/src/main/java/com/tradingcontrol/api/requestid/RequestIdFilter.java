package com.tradingcontrol.api.requestid;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;

/**
 * First filter of the application context. A servlet filter rather than a Jersey filter so it also
 * covers the websocket handshake servlet and every error written outside Jersey. The header is set
 * before the chain runs so it is present however the response ends.
 */
public final class RequestIdFilter implements Filter {
    private final int maxLength;

    public RequestIdFilter(int maxLength) {
        this.maxLength = maxLength;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = RequestIds.acceptOrGenerate(((HttpServletRequest) request).getHeader(RequestIds.HEADER), maxLength);
        request.setAttribute(RequestIds.ATTRIBUTE, id);
        ((HttpServletResponse) response).setHeader(RequestIds.HEADER, id);
        String outer = MDC.get(RequestIds.MDC_KEY);
        MDC.put(RequestIds.MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            restore(outer);
        }
    }

    // Pooled threads must not carry one request's id into the next request's log lines.
    private static void restore(String outer) {
        if (outer == null) {
            MDC.remove(RequestIds.MDC_KEY);
        } else {
            MDC.put(RequestIds.MDC_KEY, outer);
        }
    }
}
