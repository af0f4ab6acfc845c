package com.tradingcontrol.api.auth;

import com.tradingcontrol.api.errors.ProblemCode;
import com.tradingcontrol.api.errors.Problems;
import io.dropwizard.auth.UnauthorizedHandler;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** 401 with {@code WWW-Authenticate: Bearer realm="..."} and a problem body. */
public final class ProblemUnauthorizedHandler implements UnauthorizedHandler {
    public static final String DETAIL = "A valid bearer token is required.";

    @Override
    public Response buildResponse(String prefix, String realm) {
        return response(prefix, realm, DETAIL);
    }

    public static Response response(String prefix, String realm, String detail) {
        return Response.fromResponse(Problems.response(ProblemCode.UNAUTHORIZED, detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge(prefix, realm))
                .build();
    }

    public static String challenge(String prefix, String realm) {
        return prefix + " realm=\"" + realm + "\"";
    }
}
