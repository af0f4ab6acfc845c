package com.tradingcontrol.projections.projector;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.avro.KillSwitchEngaged;
import com.tradingcontrol.schemas.avro.KillSwitchReleased;
import com.tradingcontrol.schemas.avro.MaintenanceModeChanged;
import com.tradingcontrol.schemas.avro.PauseExpired;
import com.tradingcontrol.schemas.avro.ReduceOnlyExpired;
import com.tradingcontrol.schemas.avro.ReduceOnlyLifted;
import com.tradingcontrol.schemas.avro.ReduceOnlySet;
import com.tradingcontrol.schemas.avro.TradingPaused;
import com.tradingcontrol.schemas.avro.TradingResumed;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * Folds trading-control events into the per-scope document. Shape (every field always present so a
 * reader never has to guess): {@code id, scope, mode (ACTIVE|REDUCE_ONLY|PAUSED|HALTED), paused,
 * pauseReason, pausedBy, pausedAt, expiresAt}; once a scope has carried reduce-only also
 * {@code reduceOnly, reduceOnlyReason, reduceOnlyBy, reduceOnlyAt, reduceOnlyExpiresAt} (absent means
 * never reduce-only: so documents folded before reduce-only existed equal a rebuild of them, and the
 * drift check stays quiet after an upgrade); on {@code global} also {@code killSwitch, killSwitchReason,
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
        } else if (payload instanceof TradingResumed || payload instanceof PauseExpired) {
            clearPause(doc);
        } else if (payload instanceof ReduceOnlySet e) {
            doc.put("reduceOnly", true).put("reduceOnlyReason", e.getReason()).put("reduceOnlyBy", by)
                    .put("reduceOnlyAt", at);
            doc.put("reduceOnlyExpiresAt", e.getExpiresAt() == null ? null : e.getExpiresAt().toEpochMilli());
        } else if (payload instanceof ReduceOnlyLifted || payload instanceof ReduceOnlyExpired) {
            clearReduceOnly(doc);
        } else {
            // No catch-all: an event this fold does not know must never silently lift a control.
            throw new IllegalArgumentException("event " + event.getEventId() + " is not a trading-control event: "
                    + payload.getClass().getName());
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

    private static void clearReduceOnly(ObjectNode doc) {
        doc.put("reduceOnly", false).putNull("reduceOnlyReason").putNull("reduceOnlyBy").putNull("reduceOnlyAt")
                .putNull("reduceOnlyExpiresAt");
    }

    /** The mode this scope imposes: an engaged kill switch halts, a pause pauses, reduce-only reduces. */
    private static String mode(ObjectNode doc) {
        if (doc.path("killSwitch").asBoolean(false)) {
            return "HALTED";
        }
        if (doc.path("paused").asBoolean(false)) {
            return "PAUSED";
        }
        return doc.path("reduceOnly").asBoolean(false) ? "REDUCE_ONLY" : "ACTIVE";
    }
}
