package com.tradingcontrol.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "engines", mixinStandardHelpOptions = true,
        description = "Engines that report to the platform: alive or stale, versions, host, last applied control "
                + "(admin, operator, auditor). Exits 1 when an engine is stale or missed a recent halt.")
final class EnginesCommand extends ApiCommand {

    @Override
    public Integer call() {
        ApiResponse response = api().get("/api/engines", Query.of());
        JsonNode body = response.json();
        boolean flagged = body.path("stale").size() > 0 || body.path("missedHalts").size() > 0;
        if (out().json()) {
            out().raw(response.body());
            return flagged ? CliException.REJECTED : 0;
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode engine : body.path("engines")) {
            JsonNode applied = engine.path("lastApplied");
            rows.add(List.of(Output.text(engine, "engineId"), Output.text(engine, "status"),
                    Output.text(engine, "lastHeartbeat"), Output.text(engine, "host"),
                    Output.text(engine, "engineVersion") + "/" + Output.text(engine, "clientVersion"),
                    Output.text(applied, "commandId") + " " + Output.text(applied, "source"),
                    Output.text(engine, "lastAppliedLagMillis")));
        }
        out().table(List.of("ENGINE", "STATUS", "LAST-HEARTBEAT", "HOST", "ENGINE/CLIENT", "LAST-APPLIED", "LAG-MS"), rows);
        if (body.path("stale").size() > 0) {
            out().note("stale (no report within " + body.path("heartbeatTimeoutMillis").asText() + " ms): "
                    + join(body.path("stale")));
        }
        body.path("missedHalts").fields().forEachRemaining(halt -> out().note("halt " + halt.getKey()
                + " missed within the SLO by " + join(halt.getValue()) + " (tcp propagation " + halt.getKey() + ")"));
        return flagged ? CliException.REJECTED : 0;
    }

    static String join(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> items.add(item.asText()));
        return String.join(", ", items);
    }
}
