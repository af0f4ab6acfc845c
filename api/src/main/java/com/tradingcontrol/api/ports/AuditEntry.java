package com.tradingcontrol.api.ports;

import java.time.Instant;

/** One audit record as served by the API. */
public record AuditEntry(String commandId, String requestId, String actor, String action, String outcome,
                         String scope, Instant at, String hash, String prevHash) {}
