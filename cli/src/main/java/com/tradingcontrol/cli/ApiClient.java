package com.tradingcontrol.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Thin HTTP adapter for the REST contract in docs/api.md: adds the bearer token and the
 * x-request-id to every call, turns error statuses into {@link ApiProblemException} and
 * transport failures into exit code 3.
 */
public final class ApiClient {

    public static final String REQUEST_ID = "x-request-id";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final Connection connection;
    private final String requestId;
    private final ObjectMapper mapper;
    private final HttpClient http;

    public ApiClient(Connection connection, String requestId, ObjectMapper mapper) {
        this.connection = connection;
        this.requestId = requestId;
        this.mapper = mapper;
        // HTTP/1.1: the API speaks it everywhere, and it avoids h2c upgrade attempts on plain http.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT).build();
    }

    public String requestId() {
        return requestId;
    }

    public ApiResponse get(String path, Query query) {
        return send("GET", path, query, null, Map.of(), READ_TIMEOUT);
    }

    /** Sends a request with an optional JSON body and extra headers; returns only on 2xx. */
    public ApiResponse send(String method, String path, Query query, JsonNode body,
                            Map<String, String> headers, Duration timeout) {
        HttpRequest.Builder request = request(path, query, timeout);
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = exchange(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String echoedId = response.headers().firstValue(REQUEST_ID).orElse(requestId);
        if (response.statusCode() >= 400) {
            throw problem(response.statusCode(), response.body(), echoedId);
        }
        return new ApiResponse(response.statusCode(), response.body(), parse(response.body()),
                echoedId, response.headers().firstValue("Location").orElse(null));
    }

    /** Copies a streamed (NDJSON) answer to {@code sink} as it arrives; returns the lines copied. */
    public long stream(String path, Query query, OutputStream sink) {
        HttpRequest.Builder request = request(path, query, READ_TIMEOUT).GET();
        HttpResponse<InputStream> response = exchange(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        String echoedId = response.headers().firstValue(REQUEST_ID).orElse(requestId);
        try (InputStream in = response.body()) {
            if (response.statusCode() >= 400) {
                throw problem(response.statusCode(), new String(in.readAllBytes(), StandardCharsets.UTF_8), echoedId);
            }
            return copyCountingLines(in, sink);
        } catch (IOException e) {
            throw new CliException(CliException.UNAVAILABLE,
                    "stream from " + path + " broke off: " + e.getMessage() + " [x-request-id " + echoedId + "]", e);
        }
    }

    private static long copyCountingLines(InputStream in, OutputStream sink) throws IOException {
        byte[] buffer = new byte[8192];
        long lines = 0;
        boolean pendingLine = false;
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            for (int i = 0; i < read; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                    pendingLine = false;
                } else {
                    pendingLine = true;
                }
            }
            sink.write(buffer, 0, read);
        }
        sink.flush();
        return pendingLine ? lines + 1 : lines;
    }

    private HttpRequest.Builder request(String path, Query query, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(connection.api() + path + query.toQueryString()))
                .timeout(timeout)
                .header("Authorization", "Bearer " + connection.token())
                .header(REQUEST_ID, requestId)
                .header("Accept", "application/json, application/problem+json, application/x-ndjson");
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (HttpTimeoutException e) {
            throw new CliException(CliException.UNAVAILABLE, "timed out waiting for " + request.method() + " "
                    + request.uri() + " [x-request-id " + requestId + "]", e);
        } catch (IOException e) {
            throw new CliException(CliException.UNAVAILABLE, "cannot reach API at " + connection.api() + ": "
                    + describe(e) + " [x-request-id " + requestId + "]", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(CliException.UNAVAILABLE, "interrupted while calling the API", e);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.net.ConnectException || e.getCause() instanceof java.net.ConnectException) {
            return "connection refused";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    private ApiProblemException problem(int status, String body, String echoedId) {
        JsonNode json = parseLenient(body);
        String detail = textOrNull(json, "detail");
        if (detail == null && !json.isObject() && body != null && !body.isBlank()) {
            detail = body.length() > 200 ? body.substring(0, 200) + "…" : body.strip();
        }
        String problemRequestId = textOrNull(json, "requestId");
        return new ApiProblemException(status, textOrNull(json, "code"), detail,
                problemRequestId != null ? problemRequestId : echoedId, textOrNull(json, "commandId"), body);
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new CliException(CliException.UNAVAILABLE, "the API answered with something that is not JSON: "
                    + e.getOriginalMessage() + " [x-request-id " + requestId + "]", e);
        }
    }

    private JsonNode parseLenient(String body) {
        try {
            return body == null || body.isBlank() ? MissingNode.getInstance() : mapper.readTree(body);
        } catch (JsonProcessingException e) {
            // An error page that is not a problem document (e.g. from a proxy): keep the raw text as detail.
            return MissingNode.getInstance();
        }
    }

    private static String textOrNull(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
}
