package com.tradingcontrol.api.http;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admin tasks change the running process (log levels, GC): each call is logged on the
 * {@code com.tradingcontrol.audit.admin} logger with where it came from, what it asked for and how it
 * ended, so silencing a logger leaves a trace in the log it could silence only afterwards. The admin
 * connector itself is bound to loopback by default (docs/security.md).
 */
public final class AdminTaskAudit implements Filter {
    private static final Logger AUDIT = LoggerFactory.getLogger("com.tradingcontrol.audit.admin");

    public static void install(ServletContextHandler adminContext) {
        adminContext.addFilter(new AdminTaskAudit(), "/tasks/*", EnumSet.of(DispatcherType.REQUEST));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        Map<String, String> parameters = new TreeMap<>();
        http.getParameterMap().forEach((name, values) -> parameters.put(clean(name), clean(String.join(",", values))));
        String call = http.getMethod() + " " + clean(http.getRequestURI()) + " " + parameters
                + " from " + http.getRemoteAddr() + ":" + http.getRemotePort();
        AUDIT.warn("Admin task requested: {}", call);
        chain.doFilter(request, response);
        AUDIT.warn("Admin task answered {}: {}", ((HttpServletResponse) response).getStatus(), call);
    }

    // Parameters are attacker-chosen text: no line breaks into the log.
    private static String clean(String text) {
        return text.replaceAll("[\\r\\n\\t]", "_");
    }
}
