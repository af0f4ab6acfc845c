package com.tradingcontrol.api.http;

import com.tradingcontrol.api.errors.ProblemCode;
import com.tradingcontrol.api.errors.Problems;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How fast a request body must arrive: within {@code grace} of the first read, plus one second per
 * {@code minBytesPerSecond} bytes read. A body trickled in (one byte every few seconds) is cut with
 * 408 once it falls behind; an ordinary body is never cut however busy the server is.
 *
 * <p>Why not Jetty's {@code minRequestDataRate}: Jetty checks the rate from the first body byte with
 * no grace, so a 60-byte body whose last packet the server reads 250 ms after the first (a loaded
 * machine, a scheduler hiccup) already fails 256 B/s — legitimate commands were answered 408 under
 * load. Idle timeouts alone do not help: each trickled byte resets them.
 */
public record BodyPace(Duration grace, long minBytesPerSecond, LongSupplier nanoClock) {

    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);
    public static final long DEFAULT_MIN_BYTES_PER_SECOND = 256;

    public BodyPace {
        if (grace.isNegative() || minBytesPerSecond < 1) {
            throw new IllegalArgumentException("body pace needs a grace >= 0 and a rate >= 1 B/s");
        }
    }

    public static BodyPace of(Duration grace, long minBytesPerSecond) {
        return new BodyPace(grace, minBytesPerSecond, System::nanoTime);
    }

    long now() {
        return nanoClock.getAsLong();
    }

    /** Fails with 408 when {@code bytesRead} bytes took longer than the pace allows since {@code startNanos}. */
    void check(long startNanos, long bytesRead) {
        long allowedNanos = grace.toNanos() + bytesRead * 1_000_000_000L / minBytesPerSecond;
        if (now() - startNanos > allowedNanos) {
            String detail = "The request body arrived too slowly (less than " + minBytesPerSecond
                    + " bytes per second after a grace of " + grace.toMillis() + " ms).";
            // The rest of the body is never read, so the connection cannot carry a next request.
            throw new WebApplicationException(detail, Response.fromResponse(
                    Problems.response(ProblemCode.REQUEST_TIMEOUT, detail)).header("Connection", "close").build());
        }
    }
}
