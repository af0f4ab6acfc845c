package com.tradingcontrol.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.tradingcontrol.api.auth.AuthConfig;
import com.tradingcontrol.api.engines.EnginesConfig;
import com.tradingcontrol.api.requestid.RequestIdConfig;
import com.tradingcontrol.api.wiring.KafkaConfig;
import com.tradingcontrol.api.wiring.SchemaRegistryConfig;
import com.tradingcontrol.api.ws.WebSocketConfig;
import io.dropwizard.core.Configuration;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDataSize;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDataSize;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** Typed configuration; Dropwizard validates it before anything starts and names the offending key. */
public class ControlPlaneConfiguration extends Configuration {
    @Valid @NotNull @JsonProperty private AuthConfig auth;
    @Valid @NotNull @JsonProperty private RequestIdConfig requestId = new RequestIdConfig();
    @Valid @NotNull @JsonProperty private CommandsConfig commands = new CommandsConfig();
    @Valid @NotNull @JsonProperty private WebSocketConfig websocket = new WebSocketConfig();
    /** Fast halt signals, engine status and propagation (docs/engines.md). */
    @Valid @NotNull @JsonProperty private EnginesConfig engines = new EnginesConfig();
    /** Command bus; optional here, required by {@code ApiWiring} (which names the key when missing). */
    @Valid @JsonProperty private KafkaConfig kafka;
    /** Schema registry; optional here, required by {@code ApiWiring} unless it is handed a registry. */
    @Valid @JsonProperty private SchemaRegistryConfig schemaRegistry;
    /** Larger request bodies are refused with 413. */
    @NotNull @MinDataSize(1) @MaxDataSize(value = 16, unit = io.dropwizard.util.DataSizeUnit.MEBIBYTES)
    @JsonProperty private DataSize maxRequestBodySize = DataSize.kibibytes(64);
    /** A request body must arrive at least this fast once {@link #requestBodyGrace} has passed (else 408). */
    @NotNull @MinDataSize(1) @JsonProperty private DataSize minRequestBodyRate = DataSize.bytes(256);
    /** How long any request body may take regardless of its size before {@link #minRequestBodyRate} applies. */
    @NotNull @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS) @MaxDuration(value = 5, unit = TimeUnit.MINUTES)
    @JsonProperty private Duration requestBodyGrace = Duration.seconds(5);
    /** Time limit per readiness check on {@code /health/ready}. */
    @NotNull @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS) @MaxDuration(value = 30, unit = TimeUnit.SECONDS)
    @JsonProperty private Duration readinessTimeout = Duration.seconds(2);

    public AuthConfig getAuth() { return auth; }
    public void setAuth(AuthConfig auth) { this.auth = auth; }
    public RequestIdConfig getRequestId() { return requestId; }
    public void setRequestId(RequestIdConfig requestId) { this.requestId = requestId; }
    public CommandsConfig getCommands() { return commands; }
    public void setCommands(CommandsConfig commands) { this.commands = commands; }
    public WebSocketConfig getWebsocket() { return websocket; }
    public void setWebsocket(WebSocketConfig websocket) { this.websocket = websocket; }
    public EnginesConfig getEngines() { return engines; }
    public void setEngines(EnginesConfig engines) { this.engines = engines; }
    public KafkaConfig getKafka() { return kafka; }
    public void setKafka(KafkaConfig kafka) { this.kafka = kafka; }
    public SchemaRegistryConfig getSchemaRegistry() { return schemaRegistry; }
    public void setSchemaRegistry(SchemaRegistryConfig schemaRegistry) { this.schemaRegistry = schemaRegistry; }
    public DataSize getMaxRequestBodySize() { return maxRequestBodySize; }
    public void setMaxRequestBodySize(DataSize maxRequestBodySize) { this.maxRequestBodySize = maxRequestBodySize; }
    public DataSize getMinRequestBodyRate() { return minRequestBodyRate; }
    public void setMinRequestBodyRate(DataSize minRequestBodyRate) { this.minRequestBodyRate = minRequestBodyRate; }
    public Duration getRequestBodyGrace() { return requestBodyGrace; }
    public void setRequestBodyGrace(Duration requestBodyGrace) { this.requestBodyGrace = requestBodyGrace; }
    public Duration getReadinessTimeout() { return readinessTimeout; }
    public void setReadinessTimeout(Duration readinessTimeout) { this.readinessTimeout = readinessTimeout; }
}
