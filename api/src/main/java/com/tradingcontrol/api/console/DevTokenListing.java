package com.tradingcontrol.api.console;

import com.tradingcontrol.api.ApiExtension;
import com.tradingcontrol.api.errors.ApiException;
import com.tradingcontrol.api.errors.ProblemCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code GET /api/console/dev-tokens}: the development tokens of the local launcher, so the console's
 * sign-in can offer "pick a development user". Registered only by the launcher, which runs on its own
 * throw-away signing key; a production API ({@code ApiMain}) never has this resource. Even then it
 * answers loopback callers only (the launcher binds 127.0.0.1; this holds if someone rebinds it), and
 * only when they named a loopback host: a web page whose own name an attacker re-points at
 * 127.0.0.1 (DNS rebinding) runs on this machine too, but sends its own name as Host. Anyone else
 * gets the same 404 as a path that does not exist.
 */
@Path("/api/console/dev-tokens")
@Produces(MediaType.APPLICATION_JSON)
public final class DevTokenListing {
    public record DevToken(String name, String token) {}

    public record Listing(List<DevToken> tokens) {}

    private final Callable<Map<String, String>> tokens;

    public DevTokenListing(Callable<Map<String, String>> tokens) {
        this.tokens = tokens;
    }

    /** The launcher's hook: registers this resource over {@code tokens} (name → token, issued per call). */
    public static ApiExtension extension(Callable<Map<String, String>> tokens) {
        return (config, environment, runtime) -> environment.jersey().register(new DevTokenListing(tokens));
    }

    @GET
    public Listing list(@Context HttpServletRequest request) throws Exception {
        if (!isLoopback(request.getRemoteAddr()) || !isLoopbackName(request.getServerName())) {
            throw new ApiException(ProblemCode.NOT_FOUND, "HTTP 404 Not Found");
        }
        return new Listing(tokens.call().entrySet().stream().map(e -> new DevToken(e.getKey(), e.getValue())).toList());
    }

    /** {@code localhost} or a loopback IP literal; never resolves a name (that is what a rebinding attack controls). */
    static boolean isLoopbackName(String host) {
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        return bare.matches("[0-9.]+|[0-9A-Fa-f:]+") && isLoopback(bare);
    }

    /** Whether an IP literal (the peer's address) is a loopback address. */
    static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
