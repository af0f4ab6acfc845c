package com.tradingcontrol.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "kill-switch", mixinStandardHelpOptions = true,
        description = "Engage or release the global kill switch (halts all trading).",
        subcommands = {KillSwitchCommand.Engage.class, KillSwitchCommand.Release.class})
final class KillSwitchCommand extends GroupCommand {

    @Command(name = "engage", mixinStandardHelpOptions = true, description = "Engage the kill switch (admin, operator).")
    static final class Engage extends WriteCommand {
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
        String reason;

        @Override
        public Integer call() {
            return submit("POST", "/api/kill-switch", body().put("reason", reason), "kill-switch engage");
        }
    }

    @Command(name = "release", mixinStandardHelpOptions = true, description = "Release the kill switch (admin).")
    static final class Release extends WriteCommand {
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
        String reason;

        @Override
        public Integer call() {
            // Sent both as body and as ?reason=: the contract allows either, and some HTTP stacks
            // drop DELETE bodies on the way.
            return submit("DELETE", "/api/kill-switch", Query.of().add("reason", reason),
                    body().put("reason", reason), Map.of(), "kill-switch release");
        }
    }
}
