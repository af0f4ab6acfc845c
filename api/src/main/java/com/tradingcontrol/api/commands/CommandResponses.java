package com.tradingcontrol.api.commands;

import com.tradingcontrol.api.errors.Problem;
import com.tradingcontrol.api.errors.ProblemCode;
import com.tradingcontrol.api.errors.Problems;
import com.tradingcontrol.api.ports.Outcome;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The HTTP shapes of docs/api.md "Commands": 202 pending, 200 outcome, rejection problems, 503. */
public final class CommandResponses {
    /** Header of a waited 200 saying whether this instance's read models already show the change. */
    public static final String READ_MODELS = "Read-Models";
    public static final String CURRENT = "current";
    public static final String LAGGING = "lagging";

    private CommandResponses() {}

    public static Response pending(String commandId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("commandId", commandId);
        body.put("status", "PENDING");
        return Response.accepted(body).header(HttpHeaders.LOCATION, location(commandId)).build();
    }

    /**
     * A waited 200. {@code readModelsCurrent}: every read model of this instance covering the
     * aggregate showed the resulting version before the answer (read-your-writes), else the outcome
     * is still true but a read right after may show the previous state.
     */
    public static Response accepted(Outcome outcome, boolean readModelsCurrent) {
        return Response.ok(body(outcome)).header(HttpHeaders.LOCATION, location(outcome.commandId()))
                .header(READ_MODELS, readModelsCurrent ? CURRENT : LAGGING).build();
    }

    /** The outcome as {@code GET /api/commands/{id}} shows it (rejections included, as 200). */
    public static Map<String, Object> body(Outcome outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("commandId", outcome.commandId());
        body.put("status", outcome.status().name());
        body.put("aggregateId", outcome.aggregateId());
        if (outcome.status() == Outcome.Status.ACCEPTED) {
            body.put("resultingVersion", outcome.resultingVersion());
            body.put("eventIds", outcome.eventIds());
        } else {
            body.put("code", outcome.code());
        }
        body.put("message", outcome.message());
        body.put("decidedAt", outcome.decidedAt() == null ? null : outcome.decidedAt().toString());
        return body;
    }

    /** A rejection as a problem whose {@code code} is the processors' code. */
    public static Response rejected(Outcome outcome) {
        ProblemCode code = problemCode(outcome.code());
        Map<String, Object> extensions = Map.of("commandId", outcome.commandId());
        String detail = outcome.message() == null ? "The command was rejected." : outcome.message();
        return Problems.response(Problems.of(code, code.status(), detail, extensions));
    }

    /** 429: the caller already has the maximum of waiting requests open; nothing was submitted. */
    public static Response tooManyWaits(int max, Duration retryAfter) {
        Problem problem = Problems.of(ProblemCode.TOO_MANY_WAITS, "You already have " + max
                + " requests waiting (Prefer: wait); retry when one has been answered, or send without Prefer: wait.");
        return Response.status(problem.getStatus()).type(Problem.MEDIA_TYPE).entity(problem)
                .header("Retry-After", Math.max(1, retryAfter.toSeconds())).build();
    }

    /** 422 IDEMPOTENCY_KEY_REUSED: the key was first used for another request; nothing was sent. */
    public static Response keyReused(String key, String firstCommandId) {
        String detail = "Idempotency-Key '" + key + "' was first used for a different request (command "
                + firstCommandId + "); nothing was changed. Use a new key for a new request.";
        return Problems.response(Problems.of(ProblemCode.IDEMPOTENCY_KEY_REUSED, 422, detail,
                Map.of("firstCommandId", firstCommandId)));
    }

    public static Response unavailable(String commandId, Duration retryAfter, String detail) {
        Problem problem = Problems.of(ProblemCode.KAFKA_UNAVAILABLE, 503, detail, Map.of("commandId", commandId));
        return Response.status(503).type(Problem.MEDIA_TYPE).entity(problem)
                .header("Retry-After", Math.max(1, retryAfter.toSeconds())).build();
    }

    static ProblemCode problemCode(String processorCode) {
        if (processorCode != null) {
            switch (processorCode) {
                case "FORBIDDEN", "TENANT_MISMATCH", "VALIDATION_FAILED", "UNKNOWN_CONFIG_KEY", "VERSION_CONFLICT",
                     "INVALID_STATE", "NOT_FOUND", "ALREADY_EXISTS", "IDEMPOTENCY_KEY_REUSED",
                     "UNAUTHENTICATED_COMMAND", "SECOND_ADMIN_REQUIRED" -> {
                    return ProblemCode.valueOf(processorCode);
                }
                default -> { }
            }
        }
        // A code newer than this API: still a rejection; 422 is the neutral "not acceptable as asked".
        return ProblemCode.UNPROCESSABLE;
    }

    /** The path only, as docs/api.md promises (ApiWiring turns off Jersey's absolutizing of Location). */
    static String location(String commandId) {
        return "/api/commands/" + commandId;
    }
}
