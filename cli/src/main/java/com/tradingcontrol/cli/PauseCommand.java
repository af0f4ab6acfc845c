package com.tradingcontrol.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "pause", mixinStandardHelpOptions = true,
        description = "Pause trading for a scope (global, tenant:<id>, symbol:<SYM>, strategy:<tenantId>:<profileId>).")
final class PauseCommand extends WriteCommand {

    @Option(names = "--scope", required = true, paramLabel = "SCOPE", description = "e.g. global, tenant:u1, symbol:BTCUSD.")
    String scope;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (kept in the audit trail).")
    String reason;

    @ArgGroup(exclusive = true)
    Expiry expiry;

    static final class Expiry {
        @Option(names = "--expires-at", paramLabel = "INSTANT",
                description = "When the pause lapses: ISO-8601 (2026-11-21T10:00:00Z).")
        String expiresAt;

        @Option(names = "--for", paramLabel = "DURATION", description = "Pause for this long: 30m, 2h, 1d, PT1H.")
        Duration duration;
    }

    @Override
    public Integer call() {
        ObjectNode body = body().put("scope", scope).put("reason", reason);
        if (expiry != null && expiry.expiresAt != null) {
            body.put("expiresAt", instant(expiry.expiresAt, "--expires-at").toString());
        } else if (expiry != null && expiry.duration != null) {
            body.put("expiresAt", root().environment().clock().instant().plus(expiry.duration).toString());
        }
        return submit("POST", "/api/trading-control/pause", body, "pause " + scope);
    }
}
