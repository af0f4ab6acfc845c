package com.tradingcontrol.api.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradingcontrol.api.http.SecurityHeaders;
import com.tradingcontrol.api.requestid.RequestIds;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors (400 ambiguous path, 431 headers too large, 503 while shutting down, errors of
 * servlets outside Jersey) as problem+json with an x-request-id, instead of Jetty's HTML page. Details
 * are fixed texts per status: Jetty's messages may name internals.
 */
public final class ProblemErrorHandler extends ErrorHandler {
    private final ObjectMapper mapper;
    private final int requestIdMaxLength;
    private final long retryAfterSeconds;

    public ProblemErrorHandler(ObjectMapper mapper, int requestIdMaxLength, Duration retryAfter) {
        this.mapper = mapper;
        this.requestIdMaxLength = requestIdMaxLength;
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ERROR_STATUS) instanceof Integer s ? s : response.getStatus();
        String requestId = response.getHeaders().get(RequestIds.HEADER);
        if (requestId == null) {
            requestId = RequestIds.acceptOrGenerate(request.getHeaders().get(RequestIds.HEADER), requestIdMaxLength);
        }
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        addHeaders(headers, status, requestId);
        response.write(true, ByteBuffer.wrap(body(status, requestId)), callback);
        return true;
    }

    /** Errors the HTTP parser answers before there is a request (431, 414, bad request lines). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String requestId = RequestIds.acceptOrGenerate(null, requestIdMaxLength);
        addHeaders(fields, status, requestId);
        return ByteBuffer.wrap(body(status, requestId));
    }

    private void addHeaders(HttpFields.Mutable headers, int status, String requestId) {
        headers.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        headers.put(RequestIds.HEADER, requestId);
        SecurityHeaders.HEADERS.forEach(headers::put);
        if (status == 503) {
            headers.put(new HttpField(HttpHeader.RETRY_AFTER, Long.toString(retryAfterSeconds)));
        }
    }

    private byte[] body(int status, String requestId) {
        ProblemCode code = ProblemCode.forStatus(status);
        try {
            return mapper.writeValueAsBytes(new Problem(code, status, detail(status), requestId, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a problem document", e);
        }
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed (for example an ambiguous or invalid path).";
            case 404 -> "No resource at this path.";
            case 405 -> "This method is not allowed here.";
            case 408 -> "The request was not received in time.";
            case 413 -> "The request is too large.";
            case 414 -> "The request URI is too long.";
            case 431 -> "The request headers are too large.";
            case 503 -> "The server is unavailable (shutting down or overloaded); retry after the indicated delay.";
            default -> status >= 500
                    ? "The server could not complete the request. Quote the requestId when reporting this."
                    : "The request cannot be served.";
        };
    }
}
