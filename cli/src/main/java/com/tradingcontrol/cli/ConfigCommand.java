package com.tradingcontrol.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "config", mixinStandardHelpOptions = true, description = "Read or change dynamic configuration.",
        subcommands = {ConfigCommand.Get.class, ConfigCommand.Set.class})
final class ConfigCommand extends GroupCommand {

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show all config entries, or one KEY.")
    static final class Get extends ApiCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "KEY", description = "e.g. features.backtest.enabled.")
        String key;

        @Override
        public Integer call() {
            ApiResponse response = api().get(key == null ? "/api/config" : "/api/config/" + Query.segment(key), Query.of());
            if (out().json()) {
                out().raw(response.body());
            } else if (key != null) {
                printEntry(response.json());
            } else {
                out().line("catalogue version " + Output.text(response.json(), "catalogueVersion"));
                List<List<String>> rows = new ArrayList<>();
                for (JsonNode entry : response.json().path("entries")) {
                    rows.add(List.of(Output.text(entry, "key"), Output.text(entry, "type"), Output.text(entry, "value"),
                            Output.text(entry, "version"), Output.text(entry, "updatedBy")));
                }
                out().table(List.of("KEY", "TYPE", "VALUE", "VERSION", "UPDATED-BY"), rows);
            }
            return 0;
        }

        private void printEntry(JsonNode entry) {
            out().line(Output.text(entry, "key") + " = " + Output.text(entry, "value") + " (" + Output.text(entry, "type")
                    + ", version " + Output.text(entry, "version") + ", default " + Output.text(entry, "defaultValue")
                    + ", updated by " + Output.text(entry, "updatedBy") + " at " + Output.text(entry, "updatedAt") + ")");
            if (entry.path("description").isTextual()) {
                out().line("  " + entry.path("description").asText());
            }
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set KEY to VALUE (true/false -> boolean, numerals -> number, else string).")
    static final class Set extends WriteCommand {
        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Parameters(index = "1", paramLabel = "VALUE")
        String value;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
        String reason;

        @Option(names = "--expected-version", paramLabel = "N",
                description = "Only apply if the entry is still at version N (sent as If-Match).")
        Long expectedVersion;

        @Option(names = "--string", description = "Send VALUE as a string even if it looks like a boolean or number.")
        boolean forceString;

        @Override
        public Integer call() {
            ObjectNode body = body();
            body.set("value", ConfigValues.parse(value, forceString));
            body.put("reason", reason);
            Map<String, String> ifMatch = expectedVersion == null ? Map.of() : Map.of("If-Match", "\"" + expectedVersion + "\"");
            return submit("PUT", "/api/config/" + Query.segment(key), Query.of(),
                    body, ifMatch, "config set " + key);
        }
    }
}
