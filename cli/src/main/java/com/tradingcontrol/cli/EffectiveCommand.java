package com.tradingcontrol.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "effective", mixinStandardHelpOptions = true,
        description = "The effective trading mode for a tenant (and profile, symbol), with the controls causing it.")
final class EffectiveCommand extends ApiCommand {

    @Option(names = "--tenant", required = true, paramLabel = "TENANT") String tenant;
    @Option(names = "--profile", paramLabel = "PROFILE") String profile;
    @Option(names = "--symbol", paramLabel = "SYMBOL") String symbol;

    @Override
    public Integer call() {
        ApiResponse response = api().get("/api/trading-control/effective",
                Query.of().add("tenant", tenant).add("profile", profile).add("symbol", symbol));
        if (out().json()) {
            out().raw(response.body());
            return 0;
        }
        JsonNode effective = response.json();
        out().line(Output.text(effective, "mode") + (effective.path("maintenance").asBoolean(false)
                ? " (maintenance on)" : "") + " for tenant " + tenant
                + (profile == null ? "" : ", profile " + profile) + (symbol == null ? "" : ", symbol " + symbol));
        out().table(List.of("SCOPE", "KIND", "MODE", "SET-BY", "SET-AT", "EXPIRES-AT", "REASON"),
                StateCommand.rows(effective.path("causes"), "scope", "kind", "mode", "setBy", "setAt", "expiresAt", "reason"));
        return 0;
    }
}
