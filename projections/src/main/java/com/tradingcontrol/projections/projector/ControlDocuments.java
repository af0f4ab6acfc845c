package com.tradingcontrol.projections.projector;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.avro.KillSwitchEngaged;
import com.tradingcontrol.schemas.avro.KillSwitchReleased;
import com.tradingcontrol.schemas.avro.MaintenanceModeChanged;
import com.tradingcontrol.schemas.avro.TradingPaused;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * Folds trading-control events into the per-scope document. Shape (every field always present so a
 * reader never has to guess): {@code id, scope, mode (ACTIVE|PAUSED|HALTED), paused, pauseReason,
 * pausedBy, pausedAt, expiresAt}; on {@code global} also {@code killSwitch, killSwitchReason,
 * killSwitchBy, killSwitchAt, maintenance, maintenanceMessage, maintenanceReason, maintenanceBy,
 * maintenanceAt}; plus the common {@code aggregateId, version, lastEventId, lastRequestId, updatedBy,
 * updatedAt, _position}. Times are epoch milliseconds.
 */
final class ControlDocuments {

    static final String GLOBAL = "global";

    private ControlDocuments() {
    }

    static UnaryOperator<ObjectNode> fold(EventEnvelope event) {
        return current -> {
            ObjectNode doc = current == null ? fresh(event.getAggregateId()) : current;
            EventFolding.base(doc, event);
            apply(doc, event);
            doc.put("mode", mode(doc));
            return doc;
        };
    }

    private static void apply(ObjectNode doc, EventEnvelope event) {
        String by = event.getActor().getSubject();
        long at = event.getOccurredAt().toEpochMilli();
        Object payload = event.getPayload();
        if (payload instanceof TradingPaused e) {
            doc.put("paused", true).put("pauseReason", e.getReason()).put("pausedBy", by).put("pausedAt", at);
            Instant expiresAt = e.getExpiresAt();
            doc.put("expiresAt", expiresAt == null ? null : expiresAt.toEpochMilli());
        } else if (payload instanceof KillSwitchEngaged e) {
            doc.put("killSwitch", true).put("killSwitchReason", e.getReason()).put("killSwitchBy", by).put("killSwitchAt", at);
        } else if (payload instanceof MaintenanceModeChanged e) {
            doc.put("maintenance", e.getOn());
            doc.put("maintenanceMessage", e.getOn() ? e.getMessage() : null);
            doc.put("maintenanceReason", e.getReason()).put("maintenanceBy", by).put("maintenanceAt", at);
        } else if (payload instanceof KillSwitchReleased) {
            doc.put("killSwitch", false).putNull("killSwitchReason").putNull("killSwitchBy").putNull("killSwitchAt");
        } else {
            // TradingResumed and PauseExpired both lift the pause, as in the processors' domain.
            clearPause(doc);
        }
    }

    private static ObjectNode fresh(String scope) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("id", DocumentIds.of(scope)).put("scope", scope);
        clearPause(doc);
        if (GLOBAL.equals(scope)) {
            doc.put("killSwitch", false).putNull("killSwitchReason").putNull("killSwitchBy").putNull("killSwitchAt");
            doc.put("maintenance", false).putNull("maintenanceMessage").putNull("maintenanceReason")
                    .putNull("maintenanceBy").putNull("maintenanceAt");
        }
        return doc;
    }

    private static void clearPause(ObjectNode doc) {
        doc.put("paused", false).putNull("pauseReason").putNull("pausedBy").putNull("pausedAt").putNull("expiresAt");
    }

    /** The mode this scope imposes: an engaged kill switch halts, a pause pauses. */
    private static String mode(ObjectNode doc) {
        if (doc.path("killSwitch").asBoolean(false)) {
            return "HALTED";
        }
        return doc.path("paused").asBoolean(false) ? "PAUSED" : "ACTIVE";
    }
}
