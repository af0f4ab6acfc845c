package com.tradingcontrol.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "propagation", mixinStandardHelpOptions = true,
        description = "Which engines applied command ID, how fast, and which missed it (admin, operator, auditor). "
                + "Exits 1 when an engine missed it.")
final class PropagationCommand extends ApiCommand {
    @Parameters(index = "0", paramLabel = "ID")
    String commandId;

    @Override
    public Integer call() {
        ApiResponse response = api().get("/api/commands/" + Query.segment(commandId) + "/propagation", Query.of());
        JsonNode body = response.json();
        boolean missed = body.path("missed").size() > 0;
        if (out().json()) {
            out().raw(response.body());
            return missed ? CliException.REJECTED : 0;
        }
        out().line(summary(body));
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode engine : body.path("engines")) {
            rows.add(List.of(Output.text(engine, "engineId"), Output.text(engine, "status"),
                    engine.path("aliveAtDecision").asBoolean() ? "yes" : "no", Output.text(engine, "signalAppliedAt"),
                    Output.text(engine, "stateAppliedAt"), Output.text(engine, "retractedAt"),
                    Output.text(engine, "sinceIssuedMillis"), Output.text(engine, "sinceDecidedMillis")));
        }
        out().table(List.of("ENGINE", "STATUS", "ALIVE", "SIGNAL-APPLIED", "STATE-APPLIED", "RETRACTED",
                "ISSUED+MS", "DECIDED+MS"), rows);
        if (missed) {
            out().note("missed by " + EnginesCommand.join(body.path("missed")) + " (no report of applying it by "
                    + Output.text(body, "sloDeadline") + ")");
        }
        return missed ? CliException.REJECTED : 0;
    }

    private static String summary(JsonNode body) {
        String kind = body.path("halt").asBoolean() ? "halt " + Output.text(body, "kind") : "change";
        return Output.text(body, "commandId") + ": " + kind + " of " + Output.text(body, "scope") + ", "
                + Output.text(body, "decision") + " at " + Output.text(body, "decidedAt") + ", issued "
                + Output.text(body, "issuedAt");
    }
}
