package com.tradingcontrol.api.errors;

import com.tradingcontrol.projections.store.ProjectionStoreException;
import com.tradingcontrol.projections.store.StoreUnavailableException;
import com.tradingcontrol.projections.store.ThrottledException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read store throttling (Cosmos 429) or unreachable (Cosmos 503, SQLite busy or locked) is a
 * transient condition of the server, not a bug: 503 STORE_UNAVAILABLE with Retry-After, so clients
 * back off instead of reporting an internal error. Other store failures remain 500s.
 */
public final class StoreUnavailableMapper implements ExceptionMapper<ProjectionStoreException> {
    private static final Logger LOG = LoggerFactory.getLogger(StoreUnavailableMapper.class);
    private final Duration defaultRetryAfter;

    public StoreUnavailableMapper(Duration defaultRetryAfter) {
        this.defaultRetryAfter = defaultRetryAfter;
    }

    @Override
    public Response toResponse(ProjectionStoreException exception) {
        Duration retryAfter;
        if (exception instanceof ThrottledException throttled) {
            retryAfter = throttled.retryAfter().isZero() ? defaultRetryAfter : throttled.retryAfter();
        } else if (exception instanceof StoreUnavailableException) {
            retryAfter = defaultRetryAfter;
        } else {
            return new ThrowableMapper().toResponse(exception);
        }
        LOG.warn("Read store unavailable: {}", exception.getMessage());
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return Response.fromResponse(Problems.response(ProblemCode.STORE_UNAVAILABLE,
                        "The read store is busy or unreachable; retry after " + seconds + " s."))
                .header(HttpHeaders.RETRY_AFTER, seconds)
                .build();
    }
}
