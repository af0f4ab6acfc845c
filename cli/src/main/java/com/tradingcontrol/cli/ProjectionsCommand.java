package com.tradingcontrol.cli;

import picocli.CommandLine.Command;

@Command(name = "projections", mixinStandardHelpOptions = true, description = "Manage the read-side projections.",
        subcommands = ProjectionsCommand.Rebuild.class)
final class ProjectionsCommand extends GroupCommand {

    @Command(name = "rebuild", mixinStandardHelpOptions = true,
            description = "Rebuild the projections from the event log (admin); runs in the background.")
    static final class Rebuild extends ApiCommand {
        @Override
        public Integer call() {
            ApiResponse response = api().send("POST", "/api/admin/projections/rebuild", Query.of(),
                    WriteCommand.body(), java.util.Map.of(), java.time.Duration.ofSeconds(60));
            if (out().json()) {
                out().raw(response.body());
            } else {
                out().line("REBUILD STARTED " + Output.text(response.json(), "rebuildId")
                        + " (version " + Output.text(response.json(), "version") + ")");
            }
            return 0;
        }
    }
}
