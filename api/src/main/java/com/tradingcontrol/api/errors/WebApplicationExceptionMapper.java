package com.tradingcontrol.api.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Jersey's own exceptions (404 for unknown paths, 405, 415, 403 from @RolesAllowed...) into
 * problem documents. Responses that already carry a problem body (ours, e.g. the 401 from the auth
 * filter) pass through untouched so their headers such as {@code WWW-Authenticate} survive.
 */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    private static final Logger LOG = LoggerFactory.getLogger(WebApplicationExceptionMapper.class);

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        if (original.getEntity() instanceof Problem) {
            return original;
        }
        int status = original.getStatus();
        ProblemCode code = ProblemCode.forStatus(status);
        String detail;
        if (status >= 500) {
            LOG.error("Request failed with status {}", status, exception);
            detail = "The server could not complete the request.";
        } else {
            LOG.debug("Request rejected with status {}: {}", status, exception.getMessage());
            detail = clientDetail(status);
        }
        Response.ResponseBuilder builder = Response.fromResponse(original)
                .type(Problem.MEDIA_TYPE)
                .entity(Problems.of(code, status, detail, null));
        return builder.build();
    }

    // Jersey's messages are fine for logs but name internal classes now and then, so clients get fixed text.
    private static String clientDetail(int status) {
        return switch (status) {
            case 403 -> "You are not allowed to perform this operation.";
            case 404 -> "No resource at this path.";
            case 405 -> "This method is not allowed on this path.";
            case 406 -> "No acceptable representation for the requested media type.";
            case 415 -> "The request's content type is not supported here.";
            default -> "The request could not be processed.";
        };
    }
}
