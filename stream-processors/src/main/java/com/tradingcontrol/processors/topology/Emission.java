package com.tradingcontrol.processors.topology;

import com.tradingcontrol.schemas.avro.AuditRecord;
import com.tradingcontrol.schemas.avro.CommandOutcome;
import com.tradingcontrol.schemas.avro.ConfigSetting;
import com.tradingcontrol.schemas.avro.ControlState;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.avro.ProfileStatus;

/** What the command processor forwards; the topology routes each kind to its topic. */
sealed interface Emission {

    record Event(EventEnvelope value) implements Emission {
    }

    record State(ControlState value) implements Emission {
    }

    /** A profile's full state, for trading.profile-state. */
    record Profile(ProfileStatus value) implements Emission {
    }

    /** A config key's full state, for trading.config-state. */
    record Config(ConfigSetting value) implements Emission {
    }

    record Audit(AuditRecord value) implements Emission {
    }

    record Outcome(CommandOutcome value) implements Emission {
    }
}
