package com.tradingcontrol.schemas.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradingcontrol.schemas.avro.ActiveControl;
import com.tradingcontrol.schemas.avro.ControlKind;
import com.tradingcontrol.schemas.avro.ControlMode;
import com.tradingcontrol.schemas.avro.ControlState;
import com.tradingcontrol.schemas.avro.ProfileStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The vectors' plain-JSON form of a record (field names as in the .avsc, unions as the bare value or
 * null, enums as their symbol, instants as ISO-8601) to the contracts' Avro record. An absent
 * optional field takes its schema default, through the Avro builders; an absent required field fails.
 */
final class VectorRecords {

    private VectorRecords() {
    }

    static ControlState controlState(JsonNode v) {
        ControlState.Builder b = ControlState.newBuilder()
                .setScope(required(v, "scope"))
                .setMode(ControlMode.valueOf(required(v, "mode")))
                .setVersion(requiredNode(v, "version").asLong());
        if (v.has("killSwitch")) {
            b.setKillSwitch(v.get("killSwitch").asBoolean());
        }
        if (v.has("maintenance")) {
            b.setMaintenance(v.get("maintenance").asBoolean());
        }
        b.setMaintenanceMessage(text(v, "maintenanceMessage")).setReason(text(v, "reason")).setSetBy(text(v, "setBy"))
                .setSetAt(instant(v, "setAt")).setExpiresAt(instant(v, "expiresAt")).setLastEventId(text(v, "lastEventId"));
        List<ActiveControl> controls = new ArrayList<>();
        for (JsonNode c : v.path("controls")) {
            controls.add(ActiveControl.newBuilder()
                    .setKind(ControlKind.valueOf(required(c, "kind")))
                    .setMode(ControlMode.valueOf(required(c, "mode")))
                    .setReason(text(c, "reason"))
                    .setSetBy(required(c, "setBy"))
                    .setSetAt(Instant.parse(required(c, "setAt")))
                    .setCommandId(text(c, "commandId"))
                    .setExpiresAt(instant(c, "expiresAt"))
                    .setMessage(text(c, "message"))
                    .build());
        }
        return b.setControls(controls).build();
    }

    static ProfileStatus profileStatus(JsonNode v) {
        return ProfileStatus.newBuilder()
                .setTenantId(required(v, "tenantId"))
                .setProfileId(required(v, "profileId"))
                .setName(text(v, "name"))
                .setEnabled(requiredNode(v, "enabled").asBoolean())
                .setVersion(requiredNode(v, "version").asLong())
                .setReason(text(v, "reason"))
                .setSetBy(text(v, "setBy"))
                .setSetAt(instant(v, "setAt"))
                .setCommandId(text(v, "commandId"))
                .build();
    }

    /** The text of {@code field}, or null when it is absent or null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The ISO-8601 instant of {@code field}, or null when it is absent or null. */
    static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : Instant.parse(value);
    }

    private static String required(JsonNode node, String field) {
        return requiredNode(node, field).asText();
    }

    private static JsonNode requiredNode(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing required field '" + field + "' in " + node);
        }
        return value;
    }
}
