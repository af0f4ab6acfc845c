package com.tradingcontrol.cli;

import picocli.CommandLine.Option;

/** A command whose only input is a required reason, posted to one path of the API. */
abstract class ReasonedPost extends WriteCommand {

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
    String reason;

    /** Posts {@code {"reason": ...}} to {@code path} and prints the outcome under {@code label}. */
    protected int post(String path, String label) {
        return submit("POST", path, body().put("reason", reason), label);
    }
}
