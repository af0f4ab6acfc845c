package com.tradingcontrol.cli;

import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume trading for a scope.")
final class ResumeCommand extends WriteCommand {

    @Option(names = "--scope", required = true, paramLabel = "SCOPE", description = "e.g. global, tenant:u1.")
    String scope;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (kept in the audit trail).")
    String reason;

    @Option(names = "--proposal-for", paramLabel = "DURATION",
            description = {"Global only, under the global-resume two-person rule: how long the proposal waits for",
                "a second admin's approval: 15m, PT30M (default 10m, at most 1h)."})
    Duration proposalFor;

    @Override
    public Integer call() {
        return submit("POST", "/api/trading-control/resume",
                proposalTtl(body().put("scope", scope).put("reason", reason), proposalFor), "resume " + scope);
    }
}
