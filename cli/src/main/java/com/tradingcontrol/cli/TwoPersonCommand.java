package com.tradingcontrol.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "two-person", mixinStandardHelpOptions = true,
        description = {"Approve or reject an open two-person proposal (admin). Proposals are opened by the ordinary",
            "commands while their rule is on: kill-switch release, resume of global, maintenance off."},
        subcommands = {TwoPersonCommand.Approve.class, TwoPersonCommand.Reject.class})
final class TwoPersonCommand extends GroupCommand {

    /** The actions a two-person rule may cover, as the API's path names them. */
    static final List<String> ACTIONS = List.of("kill-switch-release", "global-resume", "maintenance-off");

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approve another person's proposal (admin, never its proposer); the action then takes effect.")
    static final class Approve extends Step {
        Approve() {
            super("approve", "approved");
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true,
            description = "Reject the open proposal (admin, its proposer included); nothing takes effect.")
    static final class Reject extends Step {
        Reject() {
            super("reject", "rejected");
        }
    }

    /** A step on the open proposal of ACTION: a reason, posted to /api/two-person/ACTION/STEP. */
    abstract static class Step extends ReasonedPost {
        private final String step;
        private final String done;

        @Parameters(index = "0", paramLabel = "ACTION", completionCandidates = Actions.class,
                description = "kill-switch-release, global-resume or maintenance-off.")
        String action;

        Step(String step, String done) {
            this.step = step;
            this.done = done;
        }

        @Override
        public Integer call() {
            if (!ACTIONS.contains(action)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "ACTION must be one of " + String.join(", ", ACTIONS) + ", not '" + action + "'");
            }
            return post("/api/two-person/" + action + "/" + step, action + " proposal " + done);
        }
    }

    static final class Actions implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ACTIONS.iterator();
        }
    }
}
