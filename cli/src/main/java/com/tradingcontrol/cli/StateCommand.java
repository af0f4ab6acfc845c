package com.tradingcontrol.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "state", mixinStandardHelpOptions = true,
        description = "The whole state (control, config, profiles) as of an instant, computed from the event log.")
final class StateCommand extends ApiCommand {

    @Option(names = "--as-of", required = true, paramLabel = "TIME",
            description = "ISO-8601 instant, 'now', or relative to now: -1m, -2h, -1d (use --as-of=-1m).")
    String asOf;

    @Override
    public Integer call() {
        ApiResponse response = api().get("/api/state", Query.of().add("asOf", instant(asOf, "--as-of")));
        if (out().json()) {
            out().raw(response.body());
            return 0;
        }
        JsonNode state = response.json();
        out().line("state as of " + Output.text(state, "asOf"));
        out().line("control:");
        out().table(List.of("SCOPE", "MODE", "KILL-SWITCH", "MAINTENANCE", "SET-BY", "REASON"),
                rows(state.path("control"), "scope", "mode", "killSwitch", "maintenance", "setBy", "reason"));
        out().line("config:");
        out().table(List.of("KEY", "VALUE", "VERSION"), rows(state.path("config"), "key", "value", "version"));
        out().line("profiles:");
        out().table(List.of("PROFILE", "TENANT", "NAME", "ENABLED"),
                rows(state.path("profiles"), "profileId", "tenantId", "name", "enabled"));
        return 0;
    }

    static List<List<String>> rows(JsonNode items, String... fields) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode item : items) {
            List<String> row = new ArrayList<>();
            for (String field : fields) {
                row.add(Output.text(item, field));
            }
            rows.add(row);
        }
        return rows;
    }
}
