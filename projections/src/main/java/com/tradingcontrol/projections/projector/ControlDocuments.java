package com.tradingcontrol.projections.projector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.domain.ProposalAction;
import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.domain.control.ControlState;
import com.tradingcontrol.domain.control.TwoPersonProposals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code trading-control} document of one scope as a rendering of the domain's {@link ControlState},
 * and the way back: the one mapping the projector, the drift check and the API's reads share, so none
 * of them folds events on its own. Shape (every field always present so a reader never has to guess):
 * {@code id, scope, mode (ACTIVE|REDUCE_ONLY|PAUSED|HALTED, see ControlState#imposedMode), paused,
 * pauseReason, pausedBy, pausedAt, expiresAt}; once a scope has carried reduce-only also
 * {@code reduceOnly, reduceOnlyReason, reduceOnlyBy, reduceOnlyAt, reduceOnlyExpiresAt} (absent means
 * never reduce-only: so documents folded before reduce-only existed equal a rebuild of them, and the
 * drift check stays quiet after an upgrade); on {@code global} also {@code killSwitch, killSwitchReason,
 * killSwitchBy, killSwitchAt, maintenance, maintenanceMessage, maintenanceReason, maintenanceBy,
 * maintenanceAt}, and once global has carried a kill-switch release proposal (two-person rule) also
 * {@code releaseProposal, releaseProposalReason, releaseProposedBy, releaseProposedAt,
 * releaseProposalExpiresAt} (absent means never proposed, as for reduce-only), and once global has
 * carried any two-person proposal {@code proposals}: the open ones, each {@code action, reason,
 * proposedBy, proposedAt, expiresAt} (the release one is in both shapes); plus the common {@code aggregateId, version, lastEventId, lastRequestId, updatedBy,
 * updatedAt, _position}. Times are epoch milliseconds. A control that is not in force has all its
 * fields null. The document keeps no command ids, so {@link #read} yields provenance without one.
 */
public final class ControlDocuments {

    private ControlDocuments() {
    }

    /** A new document for {@code scope}: its identity and the fields of a scope without controls. */
    static ObjectNode fresh(Scope scope) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("id", DocumentIds.of(scope.toString())).put("scope", scope.toString());
        write(ControlState.initial(scope), doc);
        return doc;
    }

    /** Writes the state's fields into {@code doc} (which keeps the fields it has and the order of them). */
    static void write(ControlState state, ObjectNode doc) {
        ControlState.Pause pause = state.pause();
        doc.put("paused", pause != null);
        provenance(doc, "pauseReason", "pausedBy", "pausedAt", pause == null ? null : pause.setBy());
        doc.put("expiresAt", millis(pause == null ? null : pause.expiresAt()));
        if (state.scope().isGlobal()) {
            doc.put("killSwitch", state.isKillSwitchEngaged());
            provenance(doc, "killSwitchReason", "killSwitchBy", "killSwitchAt",
                    state.isKillSwitchEngaged() ? state.killSwitch().engagedBy() : null);
            ControlState.Maintenance maintenance = state.maintenance();
            doc.put("maintenance", maintenance != null);
            doc.put("maintenanceMessage", maintenance == null ? null : maintenance.message());
            provenance(doc, "maintenanceReason", "maintenanceBy", "maintenanceAt",
                    maintenance == null ? null : maintenance.enabledBy());
            writeReleaseProposal(state.proposal(ProposalAction.KILL_SWITCH_RELEASE), doc);
            writeProposals(state.proposals(), doc);
        }
        ControlState.ReduceOnly reduceOnly = state.reduceOnly();
        if (reduceOnly != null || doc.has("reduceOnly")) {
            doc.put("reduceOnly", reduceOnly != null);
            provenance(doc, "reduceOnlyReason", "reduceOnlyBy", "reduceOnlyAt",
                    reduceOnly == null ? null : reduceOnly.setBy());
            doc.put("reduceOnlyExpiresAt", millis(reduceOnly == null ? null : reduceOnly.expiresAt()));
        }
        doc.put("mode", state.imposedMode().name());
    }

    private static void writeProposals(TwoPersonProposals proposals, ObjectNode doc) {
        if (proposals.isEmpty() && !doc.has("proposals")) {
            return;
        }
        ArrayNode list = doc.putArray("proposals");
        for (TwoPersonProposals.Proposal proposal : proposals.all()) {
            ObjectNode item = list.addObject().put("action", proposal.action().name());
            provenance(item, "reason", "proposedBy", "proposedAt", proposal.proposedBy());
            item.put("expiresAt", millis(proposal.expiresAt()));
        }
    }

    /** The proposals: the list once a document has one, else the release fields of older documents. */
    private static TwoPersonProposals readProposals(ObjectNode doc) {
        List<TwoPersonProposals.Proposal> proposals = new ArrayList<>();
        if (doc.has("proposals")) {
            for (JsonNode item : doc.get("proposals")) {
                proposals.add(new TwoPersonProposals.Proposal(ProposalAction.valueOf(item.get("action").asText()),
                        provenance((ObjectNode) item, "reason", "proposedBy", "proposedAt"), instant(item, "expiresAt")));
            }
        } else if (doc.path("releaseProposal").asBoolean(false)) {
            proposals.add(new TwoPersonProposals.Proposal(ProposalAction.KILL_SWITCH_RELEASE,
                    provenance(doc, "releaseProposalReason", "releaseProposedBy", "releaseProposedAt"),
                    instant(doc, "releaseProposalExpiresAt")));
        }
        return TwoPersonProposals.of(proposals);
    }

    private static void writeReleaseProposal(TwoPersonProposals.Proposal proposal, ObjectNode doc) {
        if (proposal == null && !doc.has("releaseProposal")) {
            return;
        }
        doc.put("releaseProposal", proposal != null);
        provenance(doc, "releaseProposalReason", "releaseProposedBy", "releaseProposedAt",
                proposal == null ? null : proposal.proposedBy());
        doc.put("releaseProposalExpiresAt", millis(proposal == null ? null : proposal.expiresAt()));
    }

    /** The state a document renders (version = the document's); the inverse of {@link #write}. */
    public static ControlState read(ObjectNode doc) {
        return read(doc, Scope.parse(doc.path("scope").asText()));
    }

    /** {@link #read} of the document of {@code scope}, known already (the projector's fold: parsed once). */
    static ControlState read(ObjectNode doc, Scope scope) {
        ControlState.Pause pause = doc.path("paused").asBoolean(false)
                ? new ControlState.Pause(provenance(doc, "pauseReason", "pausedBy", "pausedAt"), instant(doc, "expiresAt"))
                : null;
        ControlState.KillSwitch killSwitch = doc.path("killSwitch").asBoolean(false)
                ? new ControlState.KillSwitch(provenance(doc, "killSwitchReason", "killSwitchBy", "killSwitchAt"))
                : null;
        ControlState.Maintenance maintenance = doc.path("maintenance").asBoolean(false)
                ? new ControlState.Maintenance(text(doc, "maintenanceMessage"),
                        provenance(doc, "maintenanceReason", "maintenanceBy", "maintenanceAt"))
                : null;
        ControlState.ReduceOnly reduceOnly = doc.path("reduceOnly").asBoolean(false)
                ? new ControlState.ReduceOnly(provenance(doc, "reduceOnlyReason", "reduceOnlyBy", "reduceOnlyAt"),
                        instant(doc, "reduceOnlyExpiresAt"))
                : null;
        return new ControlState(scope, doc.path("version").asLong(0), pause,
                killSwitch, maintenance, reduceOnly, readProposals(doc));
    }

    private static void provenance(ObjectNode doc, String reason, String by, String at, Provenance p) {
        doc.put(reason, p == null ? null : p.reason()).put(by, p == null ? null : p.actorSubject())
                .put(at, millis(p == null ? null : p.at()));
    }

    private static Provenance provenance(ObjectNode doc, String reason, String by, String at) {
        return new Provenance(text(doc, by), instant(doc, at), null, text(doc, reason));
    }

    static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    static Instant instant(JsonNode doc, String field) {
        JsonNode value = doc.get(field);
        return value == null || value.isNull() ? null : Instant.ofEpochMilli(value.asLong());
    }

    static String text(JsonNode doc, String field) {
        JsonNode value = doc.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
