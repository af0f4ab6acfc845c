package com.tradingcontrol.api.wiring;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** {@code kafka:} section: where the command bus is and how its topics are laid out. */
public class KafkaConfig {
    /** Comma-separated host:port list. */
    @NotBlank @Pattern(regexp = "[^,\\s]+:\\d+(,[^,\\s]+:\\d+)*", message = "must be a comma-separated list of host:port")
    @JsonProperty private String bootstrapServers;
    /** Partition count of the command/event/outcome/audit topics; must match the processors'. */
    @Min(1) @Max(1000) @JsonProperty private int partitions = 3;
    @Min(1) @Max(10) @JsonProperty private short replicationFactor = 1;
    /** Create missing topics at start-up (idempotent; every service may). */
    @JsonProperty private boolean createTopics = true;
    /** Prefix of this instance's client ids, so brokers' logs and metrics tell API instances apart. */
    @NotBlank @JsonProperty private String clientId = "trading-control-api";

    public String getBootstrapServers() { return bootstrapServers; }
    public void setBootstrapServers(String bootstrapServers) { this.bootstrapServers = bootstrapServers; }
    public int getPartitions() { return partitions; }
    public void setPartitions(int partitions) { this.partitions = partitions; }
    public short getReplicationFactor() { return replicationFactor; }
    public void setReplicationFactor(short replicationFactor) { this.replicationFactor = replicationFactor; }
    public boolean isCreateTopics() { return createTopics; }
    public void setCreateTopics(boolean createTopics) { this.createTopics = createTopics; }
    public String getClientId() { return clientId; }
    public void setClientId(String clientId) { this.clientId = clientId; }
}
