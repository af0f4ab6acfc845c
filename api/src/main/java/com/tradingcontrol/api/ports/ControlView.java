package com.tradingcontrol.api.ports;

import java.time.Instant;

/** One control as projected: scope ({@code global}, {@code tenant:<id>}, {@code symbol:<S>}, {@code strategy:<id>}) and mode. */
public record ControlView(String scope, String mode, String reason, String setBy, Instant setAt, Instant expiresAt,
                          long version) {}
