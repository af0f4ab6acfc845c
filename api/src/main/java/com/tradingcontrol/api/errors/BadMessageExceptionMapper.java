package com.tradingcontrol.api.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.eclipse.jetty.http.BadMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's verdict on the request itself while Jersey reads it, e.g. a body that
 * is malformed at the HTTP level: the client's fault, answered
 * with Jetty's status as a problem, and the connection closed because the body was not read to its end.
 */
public final class BadMessageExceptionMapper implements ExceptionMapper<BadMessageException> {
    private static final Logger LOG = LoggerFactory.getLogger(BadMessageExceptionMapper.class);

    @Override
    public Response toResponse(BadMessageException exception) {
        int status = exception.getCode() >= 400 && exception.getCode() < 500 ? exception.getCode() : 400;
        ProblemCode code = ProblemCode.forStatus(status);
        LOG.info("Refused a request Jetty could not read: {}", exception.getMessage());
        String detail = status == 408 ? "The request body arrived too slowly." : "The request could not be read.";
        return Response.fromResponse(Problems.response(Problems.of(code, status, detail, null)))
                .header("Connection", "close").build();
    }
}
