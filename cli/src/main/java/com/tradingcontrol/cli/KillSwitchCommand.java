package com.tradingcontrol.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "kill-switch", mixinStandardHelpOptions = true,
        description = {"Engage the global kill switch (halts all trading), or release it under the two-person rule:",
            "one admin proposes the release, a different admin approves it (or either rejects it)."},
        subcommands = {KillSwitchCommand.Engage.class, KillSwitchCommand.Release.class,
            KillSwitchCommand.Approve.class, KillSwitchCommand.Reject.class})
final class KillSwitchCommand extends GroupCommand {

    @Command(name = "engage", mixinStandardHelpOptions = true,
            description = "Engage the kill switch (admin, operator); cancels an open release proposal.")
    static final class Engage extends ReasonedPost {
        @Override
        public Integer call() {
            return post("/api/kill-switch", "kill-switch engage");
        }
    }

    @Command(name = "release", mixinStandardHelpOptions = true,
            description = "Propose releasing the kill switch (admin); it stays engaged until a different admin approves.")
    static final class Release extends ReasonedPost {
        @Option(names = "--for", paramLabel = "DURATION",
                description = "How long the proposal waits for approval: 15m, PT30M (default 10m, at most 1h).")
        Duration duration;

        @Override
        public Integer call() {
            ObjectNode body = body().put("reason", reason);
            if (duration != null) {
                body.put("expiresAt", root().environment().clock().instant().plus(duration).toString());
            }
            return submit("POST", "/api/kill-switch/release", body, "kill-switch release proposed");
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approve another admin's release proposal (admin); the kill switch is then released.")
    static final class Approve extends ReasonedPost {
        @Override
        public Integer call() {
            return post("/api/kill-switch/release/approve", "kill-switch release approved");
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true,
            description = "Reject the open release proposal (admin, its proposer included); the kill switch stays engaged.")
    static final class Reject extends ReasonedPost {
        @Override
        public Integer call() {
            return post("/api/kill-switch/release/reject", "kill-switch release rejected");
        }
    }
}
