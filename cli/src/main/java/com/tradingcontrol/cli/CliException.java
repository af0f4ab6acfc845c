package com.tradingcontrol.cli;

/**
 * An expected failure that ends the CLI with a one-line message and a documented exit code
 * (never a stack trace).
 */
public class CliException extends RuntimeException {

    /** The platform refused the request (4xx). */
    public static final int REJECTED = 1;
    /** Bad usage or local configuration (picocli's own usage-error code). */
    public static final int USAGE = 2;
    /** The API could not be reached, timed out, or failed (5xx). */
    public static final int UNAVAILABLE = 3;

    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
