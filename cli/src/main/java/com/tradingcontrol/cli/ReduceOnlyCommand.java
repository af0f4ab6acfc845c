package com.tradingcontrol.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tcp reduce-only --scope S --reason R [--expires-at I | --for D]} sets reduce-only;
 * {@code tcp reduce-only lift --scope S --reason R} lifts it. The options of the setting form are
 * checked here rather than declared required, so that {@code lift} can be named without them.
 */
@Command(name = "reduce-only", mixinStandardHelpOptions = true,
        description = {"Put a scope into reduce-only: positions may be closed, none opened (admin, operator).",
                "Scopes: global, tenant:<id>, symbol:<SYM>, strategy:<tenantId>:<profileId>."},
        subcommands = ReduceOnlyCommand.Lift.class)
final class ReduceOnlyCommand extends WriteCommand {

    @Spec
    CommandSpec spec;

    @Option(names = "--scope", paramLabel = "SCOPE", description = "e.g. global, tenant:u1, symbol:BTCUSD (required).")
    String scope;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, kept in the audit trail (required).")
    String reason;

    @ArgGroup(exclusive = true)
    Expiry expiry;

    static final class Expiry {
        @Option(names = "--expires-at", paramLabel = "INSTANT",
                description = "When reduce-only lapses: ISO-8601 (2026-11-21T10:00:00Z).")
        String expiresAt;

        @Option(names = "--for", paramLabel = "DURATION", description = "Reduce-only for this long: 30m, 2h, PT1H.")
        Duration duration;
    }

    @Override
    public Integer call() {
        if (scope == null || reason == null) {
            throw new ParameterException(spec.commandLine(),
                    "Missing required options: '--scope=SCOPE', '--reason=TEXT' (or the subcommand 'lift')");
        }
        ObjectNode body = body().put("scope", scope).put("reason", reason);
        if (expiry != null && expiry.expiresAt != null) {
            body.put("expiresAt", instant(expiry.expiresAt, "--expires-at").toString());
        } else if (expiry != null && expiry.duration != null) {
            body.put("expiresAt", root().environment().clock().instant().plus(expiry.duration).toString());
        }
        return submit("POST", "/api/trading-control/reduce-only", body, "reduce-only " + scope);
    }

    @Command(name = "lift", mixinStandardHelpOptions = true,
            description = "Lift reduce-only on a scope (admin, operator; as resume).")
    static final class Lift extends WriteCommand {
        @Option(names = "--scope", required = true, paramLabel = "SCOPE", description = "e.g. global, tenant:u1.")
        String scope;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (kept in the audit trail).")
        String reason;

        @Override
        public Integer call() {
            return submit("POST", "/api/trading-control/reduce-only/lift",
                    body().put("scope", scope).put("reason", reason), "reduce-only lift " + scope);
        }
    }
}
