package com.tradingcontrol.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "commands", mixinStandardHelpOptions = true, description = "Look up submitted commands.",
        subcommands = CommandsCommand.Get.class)
final class CommandsCommand extends GroupCommand {

    @Command(name = "get", mixinStandardHelpOptions = true,
            description = "The outcome of command ID (PENDING while undecided).")
    static final class Get extends ApiCommand {
        @Parameters(index = "0", paramLabel = "ID")
        String commandId;

        @Override
        public Integer call() {
            ApiResponse response = api().get("/api/commands/" + Query.segment(commandId), Query.of());
            // A rejected outcome is a successful lookup, so it does not fail this command.
            return OutcomePrinter.print(out(), "command " + commandId, response, false);
        }
    }
}
