package com.tradingcontrol.api.commands;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;

/** What every command endpoint reads besides its body ({@code @BeanParam}): headers, and method and path for the Idempotency-Key fingerprint. */
public final class CommandHeaders {
    @HeaderParam("Idempotency-Key") String idempotencyKey;
    @HeaderParam("Prefer") String prefer;
    @Context Request request;
    @Context UriInfo uriInfo;

    /** {@code POST /api/trading-control/pause}: the method and the request path (without query). */
    String route() {
        return request.getMethod() + " /" + uriInfo.getPath(false);
    }
}
