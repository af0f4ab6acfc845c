package com.tradingcontrol.api.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradingcontrol.api.ws.ControlChangeMessage;
import com.tradingcontrol.api.ws.PushHub;
import com.tradingcontrol.schemas.avro.ControlState;

/**
 * Handles {@code trading.control-state} records: updates the {@link ControlStateView}, then pushes the
 * change to websocket clients by {@link PushRouting} (the view first, so a client reacting to a push
 * and reading back through this instance sees at least that state).
 */
public final class ControlStateFeed {
    public static final String MESSAGE_TYPE = "control-state";

    private final ControlStateView view;
    private final PushHub hub;
    private final ObjectMapper mapper;

    public ControlStateFeed(ControlStateView view, PushHub hub, ObjectMapper mapper) {
        this.view = view;
        this.hub = hub;
        this.mapper = mapper;
    }

    /** The JSON a client gets for a state, in a push and in a snapshot alike (one place, so they cannot differ). */
    public static JsonNode payload(ObjectMapper mapper, ScopeState state) {
        return mapper.valueToTree(state.toMap());
    }

    /** @param value null for a tombstone */
    public void onRecord(String scope, ControlState value) {
        if (value == null) {
            view.remove(scope);
            return;
        }
        ScopeState state = ScopeState.fromAvro(value);
        if (!view.apply(state)) {
            return;
        }
        JsonNode payload = payload(mapper, state);
        PushRouting.Audience audience = PushRouting.audienceOf(state.scope());
        if (audience instanceof PushRouting.Audience.Tenant tenant) {
            hub.publish(ControlChangeMessage.forTenant(tenant.tenantId(), MESSAGE_TYPE, payload));
        } else if (audience instanceof PushRouting.Audience.Everyone) {
            hub.publishShared(ControlChangeMessage.global(MESSAGE_TYPE, payload),
                    ControlChangeMessage.global(MESSAGE_TYPE, PublicControlView.redact(payload)));
        } else {
            hub.publishToStaff(ControlChangeMessage.global(MESSAGE_TYPE, payload));
        }
    }
}
