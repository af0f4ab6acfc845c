package com.tradingcontrol.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Base of every leaf command: access to the API client and the output, resolved on first use. */
abstract class ApiCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    protected TcpCli root() {
        return (TcpCli) spec.root().userObject();
    }

    protected ApiClient api() {
        return root().client();
    }

    protected Output out() {
        return root().output();
    }

    protected java.time.Instant instant(String value, String option) {
        if (value == null) {
            return null;
        }
        try {
            return TimeArgs.instant(value, root().environment().clock());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for " + option + ": " + e.getMessage(), e,
                    null, value);
        }
    }
}
