package com.tradingcontrol.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs the CLI in-process, as `tcp` would, and captures exit code, stdout and stderr. */
final class Cli {

    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    record Result(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    static Environment environment(Map<String, String> variables, Path workingDir) {
        return new Environment(variables, workingDir, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static Result run(Environment environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = TcpCli.commandLine(environment)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    /** Against the fake API with an explicit token, from a working dir without local.json. */
    static Result against(FakeApi api, Path workingDir, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--api=" + api.url();
        all[1] = "--token=t-admin";
        System.arraycopy(args, 0, all, 2, args.length);
        return run(environment(Map.of(), workingDir), all);
    }
}
