package com.tradingcontrol.api.errors;

import jakarta.ws.rs.WebApplicationException;

/** Thrown by resources and filters to answer with a specific problem code. */
public class ApiException extends WebApplicationException {
    private final transient Problem problem;

    public ApiException(ProblemCode code, String detail) {
        super(detail, Problems.response(code, detail));
        this.problem = (Problem) getResponse().getEntity();
    }

    public Problem problem() {
        return problem;
    }
}
