package com.tradingcontrol.api.commands;

import jakarta.ws.rs.HeaderParam;

/** The headers every command endpoint reads ({@code @BeanParam}). */
public final class CommandHeaders {
    @HeaderParam("Idempotency-Key") String idempotencyKey;
    @HeaderParam("Prefer") String prefer;
}
