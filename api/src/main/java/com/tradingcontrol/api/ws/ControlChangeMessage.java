package com.tradingcontrol.api.ws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A change to push to websocket clients: the tenant it belongs to ({@code null} for a global change everybody
 * sees), the message type shown to clients (e.g. {@code control-changed}) and the change itself (a JSON object).
 * The payload may be {@link #lazy built when first needed}: the engines' pushes come at the rate of control
 * changes and are mostly buffered for a resume that never comes, so they are rendered only for a client.
 */
public final class ControlChangeMessage {
    private final String tenantId;
    private final String type;
    private Supplier<? extends JsonNode> source;
    private JsonNode payload;

    public ControlChangeMessage(String tenantId, String type, JsonNode payload) {
        this(tenantId, type, (Supplier<JsonNode>) null);
        this.payload = Objects.requireNonNull(payload, "payload");
    }

    private ControlChangeMessage(String tenantId, String type, Supplier<? extends JsonNode> source) {
        this.tenantId = tenantId;
        this.type = Objects.requireNonNull(type, "type");
        this.source = source;
    }

    public static ControlChangeMessage global(String type, JsonNode payload) {
        return new ControlChangeMessage(null, type, payload);
    }

    public static ControlChangeMessage forTenant(String tenantId, String type, JsonNode payload) {
        return new ControlChangeMessage(Objects.requireNonNull(tenantId, "tenantId"), type, payload);
    }

    /** A global change whose payload {@code source} builds on the first call of {@link #payload} (once). */
    public static ControlChangeMessage lazy(String type, Supplier<? extends JsonNode> source) {
        return new ControlChangeMessage(null, type, Objects.requireNonNull(source, "source"));
    }

    public String tenantId() {
        return tenantId;
    }

    public String type() {
        return type;
    }

    public synchronized JsonNode payload() {
        if (payload == null) {
            payload = Objects.requireNonNull(source.get(), "payload");
            source = null;
        }
        return payload;
    }

    @Override
    public String toString() {
        return "ControlChangeMessage[tenantId=" + tenantId + ", type=" + type + "]";
    }
}
