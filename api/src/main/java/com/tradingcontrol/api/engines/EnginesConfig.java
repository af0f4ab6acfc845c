package com.tradingcontrol.api.engines;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.tradingcontrol.domain.engines.FleetSettings;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** {@code engines:} section: the fast halt path and what the API makes of engine reports (docs/engines.md). */
public class EnginesConfig {
    /** A halt signal's {@code decideBy} is its issue time plus this; clients retract it if still undecided then. */
    @NotNull @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS) @MaxDuration(value = 1, unit = TimeUnit.MINUTES)
    // Longer than the processors take under load (bench: p99 above 2 s at 1,000 commands/s on 2 cores): a
    // halt dropped at decideBy lets engines trade until the committed state halts them again. Holding a halt
    // the processors will reject longer is the safe direction (a rejection retracts it at once anyway).
    @JsonProperty private Duration haltDecideBy = Duration.seconds(10);
    /** An engine whose last report is older is STALE. Clients heartbeat every second by default. */
    @NotNull @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS) @MaxDuration(value = 10, unit = TimeUnit.MINUTES)
    @JsonProperty private Duration heartbeatTimeout = Duration.seconds(3);
    /** An expected engine that has not applied a halt this long after it was issued missed it. */
    @NotNull @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS) @MaxDuration(value = 10, unit = TimeUnit.MINUTES)
    @JsonProperty private Duration propagationSlo = Duration.seconds(1);
    /** An engine silent this long before a command is no longer expected to apply it. */
    @NotNull @MinDuration(value = 1, unit = TimeUnit.SECONDS) @MaxDuration(value = 7, unit = TimeUnit.DAYS)
    @JsonProperty private Duration forgetAfter = Duration.minutes(10);
    /** At start-up the API reads reports, signals and outcomes written this long ago onwards. */
    @NotNull @MinDuration(value = 1, unit = TimeUnit.SECONDS) @MaxDuration(value = 7, unit = TimeUnit.DAYS)
    @JsonProperty private Duration lookback = Duration.hours(1);
    /** Commands whose propagation this instance remembers (signals, decisions and applications each). */
    @Min(100) @Max(1_000_000)
    @JsonProperty private int maxTrackedCommands = 10_000;

    public FleetSettings fleetSettings() {
        return new FleetSettings(java(heartbeatTimeout), java(propagationSlo), java(forgetAfter), maxTrackedCommands);
    }

    static java.time.Duration java(Duration duration) {
        return java.time.Duration.ofMillis(duration.toMilliseconds());
    }

    public java.time.Duration haltDecideBy() { return java(haltDecideBy); }
    public java.time.Duration lookbackDuration() { return java(lookback); }
    public Duration getHaltDecideBy() { return haltDecideBy; }
    public void setHaltDecideBy(Duration haltDecideBy) { this.haltDecideBy = haltDecideBy; }
    public Duration getHeartbeatTimeout() { return heartbeatTimeout; }
    public void setHeartbeatTimeout(Duration heartbeatTimeout) { this.heartbeatTimeout = heartbeatTimeout; }
    public Duration getPropagationSlo() { return propagationSlo; }
    public void setPropagationSlo(Duration propagationSlo) { this.propagationSlo = propagationSlo; }
    public Duration getForgetAfter() { return forgetAfter; }
    public void setForgetAfter(Duration forgetAfter) { this.forgetAfter = forgetAfter; }
    public Duration getLookback() { return lookback; }
    public void setLookback(Duration lookback) { this.lookback = lookback; }
    public int getMaxTrackedCommands() { return maxTrackedCommands; }
    public void setMaxTrackedCommands(int maxTrackedCommands) { this.maxTrackedCommands = maxTrackedCommands; }
}
