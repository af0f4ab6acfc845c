package com.tradingcontrol.api.errors;

import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request bodies that are not valid JSON or carry unknown fields become 400s; a value of the wrong type
 * or shape is 422 VALIDATION_FAILED (the JSON was read, its content is not acceptable).
 * Details name the JSON path only — never Java types — because Jackson's messages leak class names.
 */
public final class JsonProcessingExceptionMapper implements ExceptionMapper<JsonProcessingException> {
    private static final Logger LOG = LoggerFactory.getLogger(JsonProcessingExceptionMapper.class);

    @Override
    public Response toResponse(JsonProcessingException exception) {
        if (exception instanceof JsonGenerationException || exception instanceof InvalidDefinitionException) {
            // Our own serialisation or type-definition bug, not the client's fault.
            LOG.error("JSON processing failed on the server side", exception);
            return Problems.response(ProblemCode.INTERNAL, "The server could not complete the request.");
        }
        WebApplicationException fromBodyStream = bodyStreamVerdict(exception);
        if (fromBodyStream != null) {
            // The body stream refused the body while Jackson read it (too large: 413, too slow: 408);
            // databind wraps that inside a value into a mapping error, which would otherwise read as 400.
            return fromBodyStream.getResponse();
        }
        LOG.debug("Rejected request body: {}", exception.getOriginalMessage());
        if (exception instanceof UnrecognizedPropertyException unknown) {
            return Problems.response(ProblemCode.UNKNOWN_FIELD,
                    "Unknown field '" + path(unknown) + "'.");
        }
        if (isSyntaxError(exception) || !(exception instanceof JsonMappingException)) {
            return Problems.response(ProblemCode.MALFORMED_JSON, "The request body is not valid JSON" + location(exception));
        }
        JsonMappingException mapping = (JsonMappingException) exception;
        String path = path(mapping);
        String detail = path.isEmpty() ? "The request body has the wrong shape." : "Field '" + path + "' has an invalid value.";
        return Problems.response(ProblemCode.VALIDATION_FAILED, detail);
    }

    private static WebApplicationException bodyStreamVerdict(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof WebApplicationException verdict) {
                return verdict;
            }
        }
        return null;
    }

    /**
     * Not JSON, or JSON this API refuses as such (duplicate keys): databind wraps the parser's error
     * into a mapping error when it happens inside an object, so the cause chain is searched.
     */
    private static boolean isSyntaxError(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonParseException) {
                return true;
            }
        }
        return false;
    }

    private static String path(JsonMappingException exception) {
        return exception.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String location(JsonProcessingException exception) {
        if (exception.getLocation() == null) {
            return ".";
        }
        return " (line " + exception.getLocation().getLineNr() + ", column " + exception.getLocation().getColumnNr() + ").";
    }
}
