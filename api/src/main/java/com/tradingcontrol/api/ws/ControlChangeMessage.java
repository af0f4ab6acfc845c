package com.tradingcontrol.api.ws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A change to push to websocket clients.
 *
 * @param tenantId the tenant the change belongs to, or {@code null} for a global change everybody sees
 * @param type     message type shown to clients, e.g. {@code control-changed}
 * @param payload  the change itself (JSON object)
 */
public record ControlChangeMessage(String tenantId, String type, JsonNode payload) {
    public ControlChangeMessage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
    }

    public static ControlChangeMessage global(String type, JsonNode payload) {
        return new ControlChangeMessage(null, type, payload);
    }

    public static ControlChangeMessage forTenant(String tenantId, String type, JsonNode payload) {
        return new ControlChangeMessage(Objects.requireNonNull(tenantId, "tenantId"), type, payload);
    }
}
