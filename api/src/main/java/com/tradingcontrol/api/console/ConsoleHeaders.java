package com.tradingcontrol.api.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;

/**
 * The console page's browser policy. Scripts and styles only from this origin's files (no inline
 * script or style, no eval), requests only to this origin, over HTTP and its websockets; no framing,
 * no forms posted elsewhere, no referrer leaking URLs. The websocket origin is named explicitly
 * because older browsers do not count ws: as 'self'.
 */
final class ConsoleHeaders {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,255}");

    private ConsoleHeaders() {
    }

    static void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", policy(request.getHeader("Host")));
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }

    static String policy(String host) {
        String sockets = host != null && HOST.matcher(host).matches() ? " ws://" + host + " wss://" + host : "";
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'" + sockets + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }
}
