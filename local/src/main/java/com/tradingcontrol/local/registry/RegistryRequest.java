package com.tradingcontrol.local.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One registry call, already taken apart by the HTTP adapter: method, decoded path segments (so a
 * subject may contain an encoded '/'), query parameters and the JSON body (null when there is none).
 */
record RegistryRequest(String method, List<String> path, Map<String, String> query, JsonNode body) {

    RegistryRequest {
        path = List.copyOf(path);
        query = Map.copyOf(query);
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(query.getOrDefault(name, "false"));
    }

    /** The body, which must be a JSON object; a missing one is the client's error (HTTP 400). */
    JsonNode requireObject() {
        if (body == null || !body.isObject()) {
            throw RegistryError.http(400, "The request body must be a JSON object.");
        }
        return body;
    }
}
