package com.tradingcontrol.api.reads;

import com.tradingcontrol.codec.ControlStateMapper;
import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.control.ControlState;
import com.tradingcontrol.schemas.avro.Actor;
import com.tradingcontrol.schemas.avro.AggregateType;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.avro.KillSwitchEngaged;
import com.tradingcontrol.schemas.avro.MaintenanceModeChanged;
import com.tradingcontrol.schemas.avro.ProfileCreated;
import com.tradingcontrol.schemas.avro.ProfileDisabled;
import com.tradingcontrol.schemas.avro.ProfileEnabled;
import com.tradingcontrol.schemas.avro.ProfileStatus;
import com.tradingcontrol.schemas.avro.ReduceOnlySet;
import com.tradingcontrol.schemas.avro.TradingPaused;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The events that produce a decision vector's state records. The API reads the projection, which the
 * projector folds from {@code trading.events}, not from the state topics: so each record becomes the
 * events that set its controls (or made its profile what it is), with the record's provenance. A
 * control-state record is read as every state-topic reader reads it ({@link ControlStateMapper#fromAvro},
 * which also interprets records written before v2).
 */
final class VectorEvents {

    private VectorEvents() {
    }

    static List<EventEnvelope> ofControlState(com.tradingcontrol.schemas.avro.ControlState record) {
        ControlState state = ControlStateMapper.fromAvro(record);
        String scope = state.scope().toString();
        List<EventEnvelope> events = new ArrayList<>();
        if (state.killSwitch() != null) {
            Provenance by = state.killSwitch().engagedBy();
            events.add(control(scope, events.size() + 1, by, new KillSwitchEngaged(by.reason())));
        }
        if (state.maintenance() != null) {
            Provenance by = state.maintenance().enabledBy();
            events.add(control(scope, events.size() + 1, by,
                    new MaintenanceModeChanged(true, state.maintenance().message(), by.reason())));
        }
        if (state.pause() != null) {
            Provenance by = state.pause().setBy();
            events.add(control(scope, events.size() + 1, by, new TradingPaused(scope, by.reason(), state.pause().expiresAt())));
        }
        if (state.reduceOnly() != null) {
            Provenance by = state.reduceOnly().setBy();
            events.add(control(scope, events.size() + 1, by,
                    new ReduceOnlySet(scope, by.reason(), state.reduceOnly().expiresAt())));
        }
        return events;
    }

    /** Created, then enabled or (with a reason) disabled; a created, never enabled profile is disabled without one. */
    static List<EventEnvelope> ofProfile(ProfileStatus p) {
        String aggregate = "profile:" + p.getTenantId() + ":" + p.getProfileId();
        List<EventEnvelope> events = new ArrayList<>();
        events.add(event(aggregate, AggregateType.TRADING_PROFILE, 1, p.getSetBy(), p.getSetAt(), p.getCommandId(),
                new ProfileCreated(p.getProfileId(), p.getTenantId(), p.getName())));
        if (p.getEnabled()) {
            events.add(event(aggregate, AggregateType.TRADING_PROFILE, 2, p.getSetBy(), p.getSetAt(), p.getCommandId(),
                    new ProfileEnabled(p.getProfileId(), p.getTenantId(), p.getReason())));
        } else if (p.getReason() != null) {
            events.add(event(aggregate, AggregateType.TRADING_PROFILE, 2, p.getSetBy(), p.getSetAt(), p.getCommandId(),
                    new ProfileDisabled(p.getProfileId(), p.getTenantId(), p.getReason())));
        }
        return events;
    }

    private static EventEnvelope control(String scope, long sequence, Provenance by, Object payload) {
        return event(scope, AggregateType.TRADING_CONTROL, sequence, by.actorSubject(), by.at(), by.commandId(), payload);
    }

    private static EventEnvelope event(String aggregate, AggregateType type, long sequence, String subject, Instant at,
                                       String commandId, Object payload) {
        String command = commandId == null ? "vector-" + aggregate + "-" + sequence : commandId;
        return new EventEnvelope(command + ":" + sequence, command, "req-" + command, aggregate, type, sequence,
                at == null ? Instant.EPOCH : at, new Actor(subject == null ? "unknown" : subject, null, List.of("operator")),
                payload);
    }
}
