package com.tradingcontrol.api.ports;

import java.time.Instant;
import java.util.List;

/**
 * What the processors decided about a command; every command gets exactly one.
 *
 * @param aggregateId      the aggregate the command addressed
 * @param code             the processor's stable code for a rejection (e.g. {@code VERSION_CONFLICT}), else {@code null}
 * @param resultingVersion aggregate version after the accepted command, else {@code null}
 */
public record Outcome(String commandId, String aggregateId, Status status, String code, String message,
                      Long resultingVersion, List<String> eventIds, Instant decidedAt) {
    public enum Status { ACCEPTED, REJECTED }

    public Outcome {
        eventIds = List.copyOf(eventIds);
    }
}
