package com.tradingcontrol.api.reads;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.domain.control.ControlState;

import static com.tradingcontrol.api.reads.DocumentViews.instant;
import static com.tradingcontrol.api.reads.DocumentViews.text;

/**
 * Reads a projected {@code trading-control} document back into the domain's {@link ControlState}, so
 * the effective mode is computed by the same {@code EffectiveModeCalculator} the processors use
 * instead of a second copy of the precedence rules. The document does not keep the command id of
 * each control, so the provenance carries none.
 */
final class ControlDocuments {

    private ControlDocuments() {
    }

    static ControlState toState(ObjectNode doc) {
        Scope scope = Scope.parse(doc.path("scope").asText());
        ControlState.Pause pause = null;
        if (doc.path("paused").asBoolean(false)) {
            pause = new ControlState.Pause(new Provenance(text(doc, "pausedBy"), instant(doc, "pausedAt"), null,
                    text(doc, "pauseReason")), instant(doc, "expiresAt"));
        }
        ControlState.KillSwitch killSwitch = null;
        if (doc.path("killSwitch").asBoolean(false)) {
            killSwitch = new ControlState.KillSwitch(new Provenance(text(doc, "killSwitchBy"),
                    instant(doc, "killSwitchAt"), null, text(doc, "killSwitchReason")));
        }
        ControlState.Maintenance maintenance = null;
        if (doc.path("maintenance").asBoolean(false)) {
            maintenance = new ControlState.Maintenance(text(doc, "maintenanceMessage"), new Provenance(
                    text(doc, "maintenanceBy"), instant(doc, "maintenanceAt"), null, text(doc, "maintenanceReason")));
        }
        ControlState.ReduceOnly reduceOnly = null;
        if (doc.path("reduceOnly").asBoolean(false)) {
            reduceOnly = new ControlState.ReduceOnly(new Provenance(text(doc, "reduceOnlyBy"), instant(doc, "reduceOnlyAt"),
                    null, text(doc, "reduceOnlyReason")), instant(doc, "reduceOnlyExpiresAt"));
        }
        return new ControlState(scope, doc.path("version").asLong(0), pause, killSwitch, maintenance, reduceOnly);
    }
}
