package com.tradingcontrol.processors.topology;

import com.tradingcontrol.schemas.avro.AuditRecord;
import com.tradingcontrol.schemas.avro.CommandOutcome;
import com.tradingcontrol.schemas.avro.ControlState;
import com.tradingcontrol.schemas.avro.EventEnvelope;

/** What the command processor forwards; the topology routes each kind to its topic. */
sealed interface Emission {

    record Event(EventEnvelope value) implements Emission {
    }

    record State(ControlState value) implements Emission {
    }

    record Audit(AuditRecord value) implements Emission {
    }

    record Outcome(CommandOutcome value) implements Emission {
    }
}
