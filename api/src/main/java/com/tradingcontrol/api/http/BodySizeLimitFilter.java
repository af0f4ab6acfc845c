package com.tradingcontrol.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradingcontrol.api.errors.Problem;
import com.tradingcontrol.api.errors.ProblemCode;
import com.tradingcontrol.api.errors.Problems;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;

/**
 * Request body size and pace. A declared Content-Length over the limit is refused before anything is
 * read; any other body is read in full first (see {@link LimitedBodyRequest} for why), failing with
 * 413 once it passes the limit and with 408 when it falls behind its {@link BodyPace}.
 * Hand-written rather than Jetty's SizeLimitHandler because that one answers outside the servlet
 * context, without our problem body and request id.
 */
public final class BodySizeLimitFilter implements Filter {
    private final long maxBytes;
    private final BodyPace pace;
    private final ObjectMapper mapper;

    public BodySizeLimitFilter(long maxBytes, BodyPace pace, ObjectMapper mapper) {
        this.maxBytes = maxBytes;
        this.pace = pace;
        this.mapper = mapper;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        long declared = http.getContentLengthLong();
        if (declared > maxBytes) {
            HttpServletResponse httpResponse = (HttpServletResponse) response;
            // The unread body makes the connection unusable for a next request.
            httpResponse.setHeader("Connection", "close");
            Problems.write(httpResponse, mapper, Problems.of(ProblemCode.PAYLOAD_TOO_LARGE, tooLarge(maxBytes)));
            return;
        }
        if (declared > 0 || (declared < 0 && http.getHeader("Transfer-Encoding") != null)) {
            LimitedBodyRequest read;
            try {
                read = LimitedBodyRequest.read(http, maxBytes, pace);
            } catch (WebApplicationException refused) {
                HttpServletResponse httpResponse = (HttpServletResponse) response;
                httpResponse.setHeader("Connection", "close");
                Problems.write(httpResponse, mapper, (Problem) refused.getResponse().getEntity());
                return;
            }
            chain.doFilter(read, response);
            return;
        }
        chain.doFilter(request, response);
    }

    static String tooLarge(long maxBytes) {
        return "The request body exceeds the limit of " + maxBytes + " bytes.";
    }
}
