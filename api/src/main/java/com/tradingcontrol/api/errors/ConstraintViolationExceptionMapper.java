package com.tradingcontrol.api.errors;

import io.dropwizard.jersey.validation.ConstraintMessage;
import io.dropwizard.jersey.validation.JerseyViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Map;

/** Bean Validation failures on request bodies and parameters become VALIDATION_FAILED with one line per violation. */
public final class ConstraintViolationExceptionMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<String> errors = exception.getConstraintViolations().stream()
                .map(violation -> message(exception, violation))
                .sorted()
                .toList();
        // Dropwizard answers 500 for violations of a resource's return value: that is our bug, not the client's.
        int status = exception instanceof JerseyViolationException jersey
                ? ConstraintMessage.determineStatus(exception.getConstraintViolations(), jersey.getInvocable())
                : 400;
        if (status >= 500) {
            return Problems.response(ProblemCode.INTERNAL, "The server could not complete the request.");
        }
        Problem problem = Problems.of(ProblemCode.VALIDATION_FAILED, ProblemCode.VALIDATION_FAILED.status(), String.join("; ", errors), Map.of("errors", errors));
        return Problems.response(problem);
    }

    private static String message(ConstraintViolationException exception, ConstraintViolation<?> violation) {
        if (exception instanceof JerseyViolationException jersey) {
            return ConstraintMessage.getMessage(violation, jersey.getInvocable());
        }
        return violation.getPropertyPath() + " " + violation.getMessage();
    }
}
