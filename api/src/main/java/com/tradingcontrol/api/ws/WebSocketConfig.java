package com.tradingcontrol.api.ws;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** {@code websocket:} section. */
public class WebSocketConfig {
    /** Messages kept per stream for clients resuming after a reconnect. */
    @Min(1) @Max(1_000_000) @JsonProperty private int replayBufferSize = 1000;
    /** Frames queued for a slow client before its connection is closed. */
    @Min(1) @Max(100_000) @JsonProperty private int maxQueuedMessages = 1000;
    /** Connections one principal (token subject) may hold at once, both channels together; more are refused with 429. */
    @Min(1) @Max(100_000) @JsonProperty private int maxConnectionsPerPrincipal = 20;
    @NotNull @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @JsonProperty private Duration idleTimeout = Duration.minutes(10);

    public int getReplayBufferSize() { return replayBufferSize; }
    public void setReplayBufferSize(int replayBufferSize) { this.replayBufferSize = replayBufferSize; }
    public int getMaxQueuedMessages() { return maxQueuedMessages; }
    public void setMaxQueuedMessages(int maxQueuedMessages) { this.maxQueuedMessages = maxQueuedMessages; }
    public int getMaxConnectionsPerPrincipal() { return maxConnectionsPerPrincipal; }
    public void setMaxConnectionsPerPrincipal(int maxConnectionsPerPrincipal) { this.maxConnectionsPerPrincipal = maxConnectionsPerPrincipal; }
    public Duration getIdleTimeout() { return idleTimeout; }
    public void setIdleTimeout(Duration idleTimeout) { this.idleTimeout = idleTimeout; }
}
