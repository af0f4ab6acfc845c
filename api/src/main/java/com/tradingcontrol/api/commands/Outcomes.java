package com.tradingcontrol.api.commands;

import com.tradingcontrol.api.ports.Outcome;
import com.tradingcontrol.schemas.avro.CommandOutcome;
import com.tradingcontrol.schemas.avro.OutcomeStatus;

/** Maps {@code trading.command-outcomes} records to the API's outcome. */
public final class Outcomes {
    private Outcomes() {}

    public static Outcome fromAvro(CommandOutcome avro) {
        Outcome.Status status = avro.getStatus() == OutcomeStatus.ACCEPTED ? Outcome.Status.ACCEPTED : Outcome.Status.REJECTED;
        return new Outcome(avro.getCommandId(), avro.getAggregateId(), status, avro.getCode(), avro.getMessage(),
                avro.getResultingVersion(), avro.getEventIds(), avro.getDecidedAt());
    }
}
