package com.tradingcontrol.api.ports;

/** The command bus (Kafka) took the command: acknowledged by all in-sync replicas. */
public record SubmitResult(String commandId, long partition, long offset) {}
