package com.tradingcontrol.api.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Headers every API answer carries. {@code nosniff}: a browser must not guess an HTML type for a JSON
 * body that echoes client input. {@code no-store}: answers carry tenant data and are per-caller, so no
 * shared or browser cache may keep them. A servlet filter (set before the chain) so that errors
 * written outside Jersey carry them too; {@link com.tradingcontrol.api.errors.ProblemErrorHandler}
 * adds them to Jetty's own errors.
 */
public final class SecurityHeaders implements Filter {
    public static final Map<String, String> HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "Cache-Control", "no-store");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse http = (HttpServletResponse) response;
        HEADERS.forEach(http::setHeader);
        chain.doFilter(request, response);
    }
}
