package com.tradingcontrol.cli;

/**
 * The API answered with an error status; carries the problem's stable code, its detail and the
 * request id so the one-line message can be traced in the server logs.
 */
public final class ApiProblemException extends CliException {

    private final int status;
    private final String code;
    private final String detail;
    private final String requestId;
    private final String commandId;
    private final String rawBody;

    public ApiProblemException(int status, String code, String detail, String requestId,
                               String commandId, String rawBody) {
        super(status >= 500 ? UNAVAILABLE : REJECTED,
                describe(status, code, detail, requestId, commandId));
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.requestId = requestId;
        this.commandId = commandId;
        this.rawBody = rawBody;
    }

    private static String describe(int status, String code, String detail, String requestId,
                                   String commandId) {
        StringBuilder text = new StringBuilder();
        text.append(code == null ? "HTTP_" + status : code).append(" (").append(status).append(")");
        if (detail != null && !detail.isBlank()) {
            text.append(": ").append(detail);
        }
        text.append(" [x-request-id ").append(requestId == null ? "-" : requestId);
        if (commandId != null) {
            text.append(", command ").append(commandId);
        }
        return text.append("]").toString();
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    public String requestId() {
        return requestId;
    }

    public String commandId() {
        return commandId;
    }

    /** The response body as received (the problem JSON), for {@code --json}. */
    public String rawBody() {
        return rawBody;
    }
}
