package com.tradingcontrol.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Mixin;

/** A command that submits a platform command and prints its outcome. */
abstract class WriteCommand extends ApiCommand {

    @Mixin
    CommandOptions commandOptions;

    protected static ObjectNode body() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** The body with {@code proposalExpiresAt} = now + {@code ttl} when a two-person proposal's time-to-live is given. */
    protected ObjectNode proposalTtl(ObjectNode body, Duration ttl) {
        if (ttl != null) {
            body.put("proposalExpiresAt", root().environment().clock().instant().plus(ttl).toString());
        }
        return body;
    }

    protected int submit(String method, String path, ObjectNode body, String label) {
        return submit(method, path, Query.of(), body, Map.of(), label);
    }

    protected int submit(String method, String path, Query query, ObjectNode body,
                         Map<String, String> extraHeaders, String label) {
        root().useRequestId(commandOptions.requestId);
        Map<String, String> headers = new LinkedHashMap<>(commandOptions.headers());
        headers.putAll(extraHeaders);
        ApiResponse response = api().send(method, path, query, body, headers, commandOptions.timeout());
        return OutcomePrinter.print(out(), label, response, true);
    }
}
