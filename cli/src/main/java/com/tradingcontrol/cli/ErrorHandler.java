package com.tradingcontrol.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Maps expected failures to one line on stderr and the documented exit code; anything else is a
 * bug and keeps picocli's default (stack trace), so it gets reported rather than hidden.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult)
            throws Exception {
        if (!(ex instanceof CliException failure)) {
            throw ex;
        }
        TcpCli root = (TcpCli) commandLine.getCommandSpec().root().userObject();
        if (failure instanceof ApiProblemException problem && root.jsonOutput()
                && problem.rawBody() != null && !problem.rawBody().isBlank()) {
            commandLine.getOut().println(problem.rawBody().stripTrailing());
            commandLine.getOut().flush();
        }
        commandLine.getErr().println("error: " + failure.getMessage());
        commandLine.getErr().flush();
        return failure.exitCode();
    }
}
