package com.tradingcontrol.codec;

import com.tradingcontrol.domain.ConfigUpdated;
import com.tradingcontrol.domain.ControlEvent;
import com.tradingcontrol.domain.DomainEvent;
import com.tradingcontrol.domain.EventMeta;
import com.tradingcontrol.domain.KillSwitchEngaged;
import com.tradingcontrol.domain.KillSwitchReleased;
import com.tradingcontrol.domain.MaintenanceModeChanged;
import com.tradingcontrol.domain.PauseExpired;
import com.tradingcontrol.domain.ReduceOnlyExpired;
import com.tradingcontrol.domain.ReduceOnlyLifted;
import com.tradingcontrol.domain.ReduceOnlySet;
import com.tradingcontrol.domain.ProfileCreated;
import com.tradingcontrol.domain.ProfileDisabled;
import com.tradingcontrol.domain.ProfileEnabled;
import com.tradingcontrol.domain.RecordedEvent;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.domain.TradingPaused;
import com.tradingcontrol.domain.TradingResumed;
import com.tradingcontrol.schemas.avro.AggregateType;
import com.tradingcontrol.schemas.avro.EventEnvelope;

/**
 * Domain events to and from the Avro {@code EventEnvelope} payload union. Public because a
 * consumer that rebuilds state by folding {@code trading.events} (a projection, a verification
 * tool, the integration tests) needs exactly the inverse mapping the processors use.
 */
public final class EventMapper {

    private EventMapper() {
    }

    public static AggregateType aggregateType(DomainEvent event) {
        if (event instanceof ControlEvent) {
            return AggregateType.TRADING_CONTROL;
        }
        if (event instanceof ConfigUpdated) {
            return AggregateType.DYNAMIC_CONFIG;
        }
        return AggregateType.TRADING_PROFILE;
    }

    /** The event as {@code evolve} needs it: payload plus who/when/which command. */
    public static RecordedEvent recorded(EventEnvelope envelope) {
        EventMeta meta = new EventMeta(envelope.getActor().getSubject(), envelope.getOccurredAt(),
                envelope.getCommandId());
        return new RecordedEvent(meta, fromAvro(envelope.getPayload()));
    }

    public static Object toAvro(DomainEvent event) {
        Object proposal = TwoPersonCodec.toAvro(event);
        if (proposal != null) {
            return proposal;
        }
        if (event instanceof TradingPaused e) {
            return new com.tradingcontrol.schemas.avro.TradingPaused(e.scope().toString(), e.reason(), e.expiresAt());
        }
        if (event instanceof TradingResumed e) {
            return new com.tradingcontrol.schemas.avro.TradingResumed(e.scope().toString(), e.reason());
        }
        if (event instanceof PauseExpired e) {
            return new com.tradingcontrol.schemas.avro.PauseExpired(e.scope().toString(), e.expiredAt());
        }
        if (event instanceof ReduceOnlySet e) {
            return new com.tradingcontrol.schemas.avro.ReduceOnlySet(e.scope().toString(), e.reason(), e.expiresAt());
        }
        if (event instanceof ReduceOnlyLifted e) {
            return new com.tradingcontrol.schemas.avro.ReduceOnlyLifted(e.scope().toString(), e.reason());
        }
        if (event instanceof ReduceOnlyExpired e) {
            return new com.tradingcontrol.schemas.avro.ReduceOnlyExpired(e.scope().toString(), e.expiredAt());
        }
        if (event instanceof KillSwitchEngaged e) {
            return new com.tradingcontrol.schemas.avro.KillSwitchEngaged(e.reason());
        }
        if (event instanceof KillSwitchReleased e) {
            return new com.tradingcontrol.schemas.avro.KillSwitchReleased(e.reason());
        }
        if (event instanceof MaintenanceModeChanged e) {
            return new com.tradingcontrol.schemas.avro.MaintenanceModeChanged(e.on(), nullToEmpty(e.message()),
                    nullToEmpty(e.reason()));
        }
        if (event instanceof ConfigUpdated e) {
            return new com.tradingcontrol.schemas.avro.ConfigUpdated(e.key(), ConfigValues.toAvro(e.value()),
                    ConfigValues.toAvro(e.previous()), nullToEmpty(e.reason()));
        }
        if (event instanceof ProfileCreated e) {
            return new com.tradingcontrol.schemas.avro.ProfileCreated(e.profileId(), e.tenantId(), e.name());
        }
        if (event instanceof ProfileEnabled e) {
            return new com.tradingcontrol.schemas.avro.ProfileEnabled(e.profileId(), e.tenantId(),
                    nullToEmpty(e.reason()));
        }
        ProfileDisabled e = (ProfileDisabled) event;
        return new com.tradingcontrol.schemas.avro.ProfileDisabled(e.profileId(), e.tenantId(), nullToEmpty(e.reason()));
    }

    public static DomainEvent fromAvro(Object payload) {
        DomainEvent proposal = TwoPersonCodec.fromAvro(payload);
        if (proposal != null) {
            return proposal;
        }
        if (payload instanceof com.tradingcontrol.schemas.avro.TradingPaused p) {
            return new TradingPaused(Scope.parse(p.getScope()), p.getReason(), p.getExpiresAt());
        }
        if (payload instanceof com.tradingcontrol.schemas.avro.TradingResumed p) {
            return new TradingResumed(Scope.parse(p.getScope()), p.getReason());
        }
        if (payload instanceof com.tradingcontrol.schemas.avro.PauseExpired p) {
            return new PauseExpired(Scope.parse(p.getScope()), p.getExpiredAt());
        }
        if (payload instanceof com.tradingcontrol.schemas.avro.ReduceOnlySet p) {
            return new ReduceOnlySet(Scope.parse(p.getScope()), p.getReason(), p.getExpiresAt());
        }
        if (payload instanceof com.tradingcontrol.schemas.avro.ReduceOnlyLifted p) {
            return new ReduceOnlyLifted(Scope.parse(p.getScope()), p.getReason());
        }
        if (payload instanceof com.tradingcontrol.schemas.avro.ReduceOnlyExpired p) {
            return new ReduceOnlyExpired(Scope.parse(p.getScope()), p.getExpiredAt());
        }
        if (payload instanceof com.tradingcontrol.schemas.avro.KillSwitchEngaged p) {
            return new KillSwitchEngaged(p.getReason());
        }
        if (payload instanceof com.tradingcontrol.schemas.avro.KillSwitchReleased p) {
            return new KillSwitchReleased(p.getReason());
        }
        if (payload instanceof com.tradingcontrol.schemas.avro.MaintenanceModeChanged p) {
            return new MaintenanceModeChanged(p.getOn(), p.getMessage(), p.getReason());
        }
        if (payload instanceof com.tradingcontrol.schemas.avro.ConfigUpdated p) {
            return new ConfigUpdated(p.getKey(), ConfigValues.fromAvro(p.getValue()),
                    ConfigValues.fromAvro(p.getPreviousValue()), p.getReason());
        }
        if (payload instanceof com.tradingcontrol.schemas.avro.ProfileCreated p) {
            return new ProfileCreated(p.getProfileId(), p.getTenantId(), p.getName());
        }
        if (payload instanceof com.tradingcontrol.schemas.avro.ProfileEnabled p) {
            return new ProfileEnabled(p.getProfileId(), p.getTenantId(), p.getReason());
        }
        if (payload instanceof com.tradingcontrol.schemas.avro.ProfileDisabled p) {
            return new ProfileDisabled(p.getProfileId(), p.getTenantId(), p.getReason());
        }
        throw new IllegalArgumentException("unknown event payload " + payload);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
