package com.tradingcontrol.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "maintenance", mixinStandardHelpOptions = true, description = "Switch maintenance mode (admin).",
        subcommands = {MaintenanceCommand.On.class, MaintenanceCommand.Off.class})
final class MaintenanceCommand extends GroupCommand {

    abstract static class Switch extends WriteCommand {
        @Option(names = "--message", paramLabel = "TEXT", description = "Message shown to users during maintenance.")
        String message;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
        String reason;

        int send(boolean on) {
            return send(on, body());
        }

        int send(boolean on, ObjectNode body) {
            body.put("on", on).put("reason", reason);
            if (message != null) {
                body.put("message", message);
            }
            return submit("PUT", "/api/maintenance", body, "maintenance " + (on ? "on" : "off"));
        }
    }

    @Command(name = "on", mixinStandardHelpOptions = true, description = "Turn maintenance mode on.")
    static final class On extends Switch {
        @Override
        public Integer call() {
            return send(true);
        }
    }

    @Command(name = "off", mixinStandardHelpOptions = true, description = "Turn maintenance mode off.")
    static final class Off extends Switch {
        @Option(names = "--proposal-for", paramLabel = "DURATION",
                description = {"Under the maintenance-off two-person rule: how long the proposal waits for a",
                    "second admin's approval: 15m, PT30M (default 10m, at most 1h)."})
        Duration proposalFor;

        @Override
        public Integer call() {
            return send(false, proposalTtl(body(), proposalFor));
        }
    }
}
