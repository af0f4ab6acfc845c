package com.tradingcontrol.api.errors;

import io.dropwizard.jersey.optional.EmptyOptionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last resort: anything not mapped more specifically. The stack trace goes to the log with the
 * request id; the client only sees the id to quote.
 */
public final class ThrowableMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ThrowableMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof EmptyOptionalException) {
            return Problems.response(ProblemCode.NOT_FOUND, "No resource at this path.");
        }
        if (exception instanceof EofException) {
            // The client went away mid-request; nobody will read this response.
            LOG.debug("Client closed the connection early", exception);
            return Problems.response(ProblemCode.BAD_REQUEST, "The request ended early.");
        }
        LOG.error("Unhandled error while serving request", exception);
        return Problems.response(ProblemCode.INTERNAL,
                "The server could not complete the request. Quote the requestId when reporting this.");
    }
}
