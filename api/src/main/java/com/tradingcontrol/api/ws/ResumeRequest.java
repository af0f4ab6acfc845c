package com.tradingcontrol.api.ws;

/**
 * A client's wish to continue a stream after reconnecting.
 *
 * @param epoch   the epoch from the previous connection's hello ({@code null}: not known to the client)
 * @param lastSeq the last sequence number the client processed
 */
public record ResumeRequest(String epoch, long lastSeq) {}
