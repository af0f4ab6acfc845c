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
 * answers loopback callers only (the launcher binds 127.0.0.1; this holds if someone rebinds it):
 * anyone else gets the same 404 as a path that does not exist.
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
        if (!isLoopback(request.getRemoteAddr())) {
            throw new ApiException(ProblemCode.NOT_FOUND, "HTTP 404 Not Found");
        }
        return new Listing(tokens.call().entrySet().stream().map(e -> new DevToken(e.getKey(), e.getValue())).toList());
    }

    static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
