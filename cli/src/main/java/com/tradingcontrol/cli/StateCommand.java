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
                controlRows(state.path("control")));
        out().line("config:");
        out().table(List.of("KEY", "VALUE", "VERSION"), rows(state.path("config"), "key", "value", "version"));
        out().line("profiles:");
        out().table(List.of("PROFILE", "TENANT", "NAME", "ENABLED"),
                rows(state.path("profiles"), "profileId", "tenantId", "name", "enabled"));
        return 0;
    }

    /** SET-BY and REASON name the control that causes the scope's mode: kill switch, then pause, then maintenance. */
    static List<List<String>> controlRows(JsonNode items) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode item : items) {
            JsonNode cause = first(item.path("killSwitchBy"), item.path("pause"), item.path("maintenanceBy"));
            rows.add(List.of(Output.text(item, "scope"), Output.text(item, "mode"), Output.text(item, "killSwitch"),
                    Output.text(item, "maintenance"), Output.text(cause, "by"), Output.text(cause, "reason")));
        }
        return rows;
    }

    private static JsonNode first(JsonNode... changes) {
        for (JsonNode change : changes) {
            if (change.isObject()) {
                return change;
            }
        }
        return changes[changes.length - 1];
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
