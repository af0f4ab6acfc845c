package com.tradingcontrol.api.errors;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 9457 problem document with this API's stable {@code code} and the request's id.
 * Extension members (e.g. readiness check details) are flattened into the top-level object.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "code", "detail", "requestId"})
public final class Problem {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:tradingcontrol:problem:";

    private final ProblemCode code;
    private final int status;
    private final String detail;
    private final String requestId;
    private final Map<String, Object> extensions;

    public Problem(ProblemCode code, int status, String detail, String requestId, Map<String, Object> extensions) {
        this.code = code;
        this.status = status;
        this.detail = detail;
        this.requestId = requestId;
        this.extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
    }

    public String getType() {
        return TYPE_PREFIX + code.name().toLowerCase().replace('_', '-');
    }

    public String getTitle() {
        return code.title();
    }

    public int getStatus() {
        return status;
    }

    public String getCode() {
        return code.name();
    }

    public String getDetail() {
        return detail;
    }

    public String getRequestId() {
        return requestId;
    }

    @JsonAnyGetter
    public Map<String, Object> getExtensions() {
        return extensions;
    }
}
