package com.tradingcontrol.api.ws;

import java.time.Instant;

/**
 * What an accepted handshake hands to its connection.
 *
 * @param lease   the caller's connection slot, given back when the connection closes
 * @param closeAt when the caller's token stops being valid; the connection is closed (1008) then
 */
record Handshake(StreamKey key, ResumeRequest resume, ConnectionLimiter.Lease lease, Instant closeAt) {}
