package com.tradingcontrol.api.ports;

import java.time.Instant;

/** Filters for {@code GET /api/admin/audit}; null means "any". {@code cursor} is opaque, from the previous page. */
public record AuditQuery(Instant from, Instant to, String actor, String action, String outcome, String scope,
                         String requestId, String cursor, int limit) {}
