package com.tradingcontrol.api.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What customers see of controls that staff set for everybody ({@code global}, {@code symbol:}, and
 * legacy {@code strategy:<profileId>} scopes, which restrict that profile id in every tenant): the
 * mode, the flags and the public maintenance message, never who set them or the internal reason
 * (staff names and incident notes are not for customers). Applies to REST reads and to the
 * {@code /ws/trading} push; staff read the full view (REST, {@code /ws/admin}).
 */
public final class PublicControlView {
    private PublicControlView() {
    }

    /** Scopes whose controls are set by staff for everybody (not for one tenant). */
    public static boolean isShared(String scope) {
        return scope != null && (scope.equals("global") || scope.startsWith("symbol:") || isLegacyStrategy(scope));
    }

    /** {@code strategy:<profileId>}, written before strategy scopes named their tenant. */
    private static boolean isLegacyStrategy(String scope) {
        return scope.startsWith("strategy:") && scope.indexOf(':', "strategy:".length()) < 0;
    }

    /** Whether a field of a control document or state names a person or carries an internal reason. */
    public static boolean isInternal(String field) {
        return field.equals("reason") || field.endsWith("Reason") || field.equals("setBy") || field.endsWith("By");
    }

    /** A copy of {@code control} without internal fields; {@code control} itself is left as it is. */
    public static JsonNode redact(JsonNode control) {
        if (!(control instanceof ObjectNode object)) {
            return control;
        }
        ObjectNode copy = object.deepCopy();
        List<String> internal = new ArrayList<>();
        copy.fieldNames().forEachRemaining(name -> {
            if (isInternal(name)) {
                internal.add(name);
            }
        });
        copy.remove(internal);
        return copy;
    }
}
