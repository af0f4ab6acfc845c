package com.tradingcontrol.api.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradingcontrol.api.ws.PushHub;
import com.tradingcontrol.api.ws.StreamKey;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The websocket snapshot: the current state of every scope a stream may see, from this instance's
 * {@link ControlStateView}, with the same routing ({@link PushRouting}) and the same payload as the
 * {@code control-state} pushes. Admins see every scope; a tenant stream sees the scopes everybody
 * sees plus its own tenant's; the tenant-less stream only the former. As in the pushes, a
 * {@code /ws/trading} stream gets the public view of shared scopes ({@link PublicControlView}).
 * {@link #skippedRecords()} is what the view's follower could not apply, so the hub can mark
 * snapshots and pushes incomplete.
 */
public final class ControlStateSnapshot implements PushHub.SnapshotSource {
    private final ControlStateView view;
    private final ObjectMapper mapper;
    private final LongSupplier skipped;

    /** @param skipped records of {@code trading.control-state} the view could not apply so far */
    public ControlStateSnapshot(ControlStateView view, ObjectMapper mapper, LongSupplier skipped) {
        this.view = view;
        this.mapper = mapper;
        this.skipped = skipped;
    }

    @Override
    public long skippedRecords() {
        return skipped.getAsLong();
    }

    @Override
    public List<JsonNode> states(StreamKey key) {
        return view.all().stream()
                .filter(state -> visible(key, PushRouting.audienceOf(state.scope())))
                .map(state -> payloadFor(key, state))
                .toList();
    }

    private JsonNode payloadFor(StreamKey key, ScopeState state) {
        JsonNode payload = ControlStateFeed.payload(mapper, state);
        return key.everything() || !PublicControlView.isShared(state.scope()) ? payload
                : PublicControlView.redact(payload);
    }

    static boolean visible(StreamKey key, PushRouting.Audience audience) {
        if (key.everything() || audience instanceof PushRouting.Audience.Everyone) {
            return true;
        }
        return audience instanceof PushRouting.Audience.Tenant tenant && tenant.tenantId().equals(key.tenantId());
    }
}
