package com.tradingcontrol.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Option;

/** Options shared by every command that changes something (sent as HTTP headers). */
public final class CommandOptions {

    static final int MAX_WAIT_SECONDS = 30;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "10",
            description = "Wait up to SECONDS (0-30) for the outcome (Prefer: wait=SECONDS). Default: ${DEFAULT-VALUE}.")
    int waitSeconds;

    @Option(names = "--no-wait", description = "Return as soon as Kafka took the command (202, PENDING).")
    boolean noWait;

    @Option(names = "--idempotency-key", paramLabel = "KEY",
            description = "Idempotency-Key (becomes the command id); repeat it to retry safely. Default: generated.")
    String idempotencyKey;

    @Option(names = "--request-id", paramLabel = "ID",
            description = "x-request-id to send (1-128 of [A-Za-z0-9._:-]). Default: generated.")
    String requestId;

    public Map<String, String> headers() {
        if (waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS) {
            throw new CliException(CliException.USAGE, "--wait must be between 0 and " + MAX_WAIT_SECONDS
                    + " seconds, got " + waitSeconds);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Idempotency-Key", idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString());
        if (!noWait) {
            headers.put("Prefer", "wait=" + waitSeconds);
        }
        return headers;
    }

    /** The server may hold the request for the wait time; allow for that plus transport slack. */
    public Duration timeout() {
        return Duration.ofSeconds((noWait ? 0 : waitSeconds) + 15L);
    }
}
