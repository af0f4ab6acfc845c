package com.tradingcontrol.projections.projector;

import static com.tradingcontrol.projections.projector.ControlDocuments.instant;
import static com.tradingcontrol.projections.projector.ControlDocuments.millis;
import static com.tradingcontrol.projections.projector.ControlDocuments.text;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.profile.ProfileState;

/**
 * The per-profile document (partition = tenant) as a rendering of the domain's {@link ProfileState},
 * and the way back: {@code id (= profileId), tenantId, profileId, name, enabled, reason, createdBy,
 * createdAt} plus the common {@code aggregateId, version, lastEventId, lastRequestId, updatedBy,
 * updatedAt, _position}. {@code reason} is the last change's ("" for none, as the creation has none);
 * {@code createdBy/createdAt} are who made the document's first event (ProfileCreated, which the
 * domain only ever decides first) and are kept from then on.
 */
public final class ProfileDocuments {

    private ProfileDocuments() {
    }

    static ObjectNode fresh(ProfileState state) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("id", DocumentIds.of(state.profileId())).put("tenantId", state.tenantId())
                .put("profileId", state.profileId());
        return doc;
    }

    static void write(ProfileState state, ObjectNode doc) {
        Provenance last = state.lastChange();
        doc.put("name", state.name()).put("enabled", state.enabled())
                .put("reason", last == null || last.reason() == null ? "" : last.reason());
        if (!doc.has("createdBy") && last != null) {
            doc.put("createdBy", last.actorSubject()).put("createdAt", millis(last.at()));
        }
    }

    /** The state a document renders; the last change's provenance is its {@code updatedBy/updatedAt/reason}. */
    public static ProfileState read(ObjectNode doc) {
        String reason = text(doc, "reason");
        Provenance last = doc.hasNonNull("updatedBy") ? new Provenance(text(doc, "updatedBy"),
                instant(doc, "updatedAt"), null, reason == null || reason.isEmpty() ? null : reason) : null;
        return new ProfileState(doc.path("tenantId").asText(), doc.path("profileId").asText(),
                doc.path("version").asLong(0), true, text(doc, "name"), doc.path("enabled").asBoolean(false), last);
    }
}
