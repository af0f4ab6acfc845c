package com.tradingcontrol.api.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradingcontrol.api.requestid.RequestIds;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Map;
import org.slf4j.MDC;

/** Builds problem responses for Jersey and for plain servlet code (filters, websocket handshakes). */
public final class Problems {
    private Problems() {}

    /** The request id comes from the MDC that {@code RequestIdFilter} set for this request's thread. */
    public static Problem of(ProblemCode code, String detail) {
        return of(code, code.status(), detail, null);
    }

    public static Problem of(ProblemCode code, int status, String detail, Map<String, Object> extensions) {
        return new Problem(code, status, detail, MDC.get(RequestIds.MDC_KEY), extensions);
    }

    public static Response response(ProblemCode code, String detail) {
        return response(of(code, detail));
    }

    public static Response response(Problem problem) {
        return Response.status(problem.getStatus()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** For code that runs outside Jersey and must answer before (or instead of) the servlet chain. */
    public static void write(HttpServletResponse response, ObjectMapper mapper, Problem problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), problem);
    }
}
