package com.tradingcontrol.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume trading for a scope.")
final class ResumeCommand extends WriteCommand {

    @Option(names = "--scope", required = true, paramLabel = "SCOPE", description = "e.g. global, tenant:u1.")
    String scope;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (kept in the audit trail).")
    String reason;

    @Override
    public Integer call() {
        return submit("POST", "/api/trading-control/resume", body().put("scope", scope).put("reason", reason),
                "resume " + scope);
    }
}
