package com.tradingcontrol.projections.projector;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.avro.ProfileCreated;
import com.tradingcontrol.schemas.avro.ProfileDisabled;
import com.tradingcontrol.schemas.avro.ProfileEnabled;
import java.util.function.UnaryOperator;

/**
 * Folds profile events into the per-profile document (partition = tenant): {@code id (= profileId),
 * tenantId, profileId, name, enabled, reason, createdBy, createdAt} plus the common {@code aggregateId,
 * version, lastEventId, lastRequestId, updatedBy, updatedAt, _position}.
 */
final class ProfileDocuments {

    private ProfileDocuments() {
    }

    static UnaryOperator<ObjectNode> fold(EventEnvelope event) {
        return current -> {
            ObjectNode doc = current == null ? JsonNodeFactory.instance.objectNode() : current;
            Object payload = event.getPayload();
            if (payload instanceof ProfileCreated e) {
                identify(doc, e.getTenantId(), e.getProfileId());
                doc.put("name", e.getName()).put("enabled", false).put("reason", "");
                doc.put("createdBy", event.getActor().getSubject()).put("createdAt", event.getOccurredAt().toEpochMilli());
            } else if (payload instanceof ProfileEnabled e) {
                identify(doc, e.getTenantId(), e.getProfileId());
                doc.put("enabled", true).put("reason", e.getReason());
            } else {
                ProfileDisabled e = (ProfileDisabled) payload;
                identify(doc, e.getTenantId(), e.getProfileId());
                doc.put("enabled", false).put("reason", e.getReason());
            }
            EventFolding.base(doc, event);
            return doc;
        };
    }

    private static void identify(ObjectNode doc, String tenantId, String profileId) {
        doc.put("id", DocumentIds.of(profileId)).put("tenantId", tenantId).put("profileId", profileId);
    }
}
