package com.tradingcontrol.api.ws;

import jakarta.servlet.http.HttpServletRequest;

/** Reads {@code ?lastSeq=N&epoch=E} from a handshake; absent {@code lastSeq} means a fresh start. */
final class ResumeParameters {
    static final String LAST_SEQ = "lastSeq";
    static final String EPOCH = "epoch";

    private ResumeParameters() {}

    /** @throws IllegalArgumentException naming the parameter when it is malformed */
    static ResumeRequest parse(HttpServletRequest request) {
        String lastSeq = request.getParameter(LAST_SEQ);
        if (lastSeq == null) {
            return null;
        }
        long seq;
        try {
            seq = Long.parseLong(lastSeq);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Query parameter 'lastSeq' must be a non-negative integer.", e);
        }
        if (seq < 0) {
            throw new IllegalArgumentException("Query parameter 'lastSeq' must be a non-negative integer.");
        }
        return new ResumeRequest(request.getParameter(EPOCH), seq);
    }
}
