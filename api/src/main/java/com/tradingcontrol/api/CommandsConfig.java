package com.tradingcontrol.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** {@code commands:} section, for the command submission that the Kafka adapter will serve. */
public class CommandsConfig {
    /** How long a submission may wait for Kafka's acknowledgement before answering 503. */
    @NotNull @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS) @MaxDuration(value = 1, unit = TimeUnit.MINUTES)
    @JsonProperty private Duration kafkaTimeout = Duration.seconds(5);
    /** Upper bound for {@code Prefer: wait=N}. */
    @NotNull @MinDuration(0) @MaxDuration(value = 5, unit = TimeUnit.MINUTES)
    @JsonProperty private Duration maxWait = Duration.seconds(30);
    /** Value of {@code Retry-After} on a 503. */
    @NotNull @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @JsonProperty private Duration retryAfter = Duration.seconds(5);

    /** How many commands (submitters and outcomes) this instance remembers for GET /api/commands/{id}. */
    @jakarta.validation.constraints.Min(100) @jakarta.validation.constraints.Max(10_000_000)
    @JsonProperty private int outcomeCacheSize = 100_000;

    /** {@code Prefer: wait} requests one principal (token subject) may have open at once; more answer 429. */
    @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(10_000)
    @JsonProperty private int maxWaitingPerPrincipal = 10;

    public int getMaxWaitingPerPrincipal() { return maxWaitingPerPrincipal; }
    public void setMaxWaitingPerPrincipal(int maxWaiting) { this.maxWaitingPerPrincipal = maxWaiting; }

    /** The command-signing key; optional here, required by {@code ApiWiring} (which names the key when missing). */
    @jakarta.validation.Valid
    @JsonProperty private CommandSigningConfig signing;

    public CommandSigningConfig getSigning() { return signing; }
    public void setSigning(CommandSigningConfig signing) { this.signing = signing; }
    public int getOutcomeCacheSize() { return outcomeCacheSize; }
    public void setOutcomeCacheSize(int outcomeCacheSize) { this.outcomeCacheSize = outcomeCacheSize; }
    public Duration getKafkaTimeout() { return kafkaTimeout; }
    public void setKafkaTimeout(Duration kafkaTimeout) { this.kafkaTimeout = kafkaTimeout; }
    public Duration getMaxWait() { return maxWait; }
    public void setMaxWait(Duration maxWait) { this.maxWait = maxWait; }
    public Duration getRetryAfter() { return retryAfter; }
    public void setRetryAfter(Duration retryAfter) { this.retryAfter = retryAfter; }
}
