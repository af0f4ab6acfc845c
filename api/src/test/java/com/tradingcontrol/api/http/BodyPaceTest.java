package com.tradingcontrol.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The body pace on a steered clock: what is cut (a trickle past the grace) and what never is. */
class BodyPaceTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final BodyPace pace = new BodyPace(Duration.ofSeconds(5), 256, now::get);

    @Test
    void aSmallBodyReadLateByABusyServerIsNeverCut() throws IOException {
        // Jetty's own rate check failed exactly this: 60 bytes whose last packet was read 250 ms late.
        LimitedBodyRequest.Buffered body = new LimitedBodyRequest.Buffered(new byte[60]);
        LimitedBodyRequest.CountingStream stream = new LimitedBodyRequest.CountingStream(body, 65_536, pace);

        assertThat(stream.read(new byte[10], 0, 10)).isEqualTo(10);
        now.addAndGet(Duration.ofMillis(250).toNanos());
        assertThat(stream.read(new byte[100], 0, 100)).isEqualTo(50);
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(stream.read(new byte[100], 0, 100)).isEqualTo(-1);
    }

    @Test
    void aTrickleIsCutWith408OnceItFallsBehindTheGracePlusTheRate() throws IOException {
        LimitedBodyRequest.Buffered body = new LimitedBodyRequest.Buffered(new byte[100]);
        LimitedBodyRequest.CountingStream stream = new LimitedBodyRequest.CountingStream(body, 65_536, pace);

        for (int i = 0; i < 4; i++) {
            assertThat(stream.read()).isZero();
            now.addAndGet(Duration.ofSeconds(1).toNanos());
        }
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThatThrownBy(stream::read).isInstanceOfSatisfying(WebApplicationException.class, e -> {
            assertThat(e.getResponse().getStatus()).isEqualTo(408);
            assertThat(e.getResponse().getHeaderString("Connection")).isEqualTo("close");
        });
    }

    @Test
    void aLargeBodyGetsTimeInProportionToItsSize() throws IOException {
        LimitedBodyRequest.Buffered body = new LimitedBodyRequest.Buffered(new byte[64 * 1024]);
        LimitedBodyRequest.CountingStream stream = new LimitedBodyRequest.CountingStream(body, 65_536, pace);
        byte[] buffer = new byte[8 * 1024];

        for (int i = 0; i < 8; i++) {
            // 8 KiB per 20 s is ~410 B/s: slower than a LAN, faster than the 256 B/s floor.
            now.addAndGet(Duration.ofSeconds(20).toNanos());
            assertThat(stream.read(buffer, 0, buffer.length)).isEqualTo(buffer.length);
        }
    }

    @Test
    void theSizeLimitStillApplies() throws IOException {
        LimitedBodyRequest.CountingStream stream = new LimitedBodyRequest.CountingStream(
                new LimitedBodyRequest.Buffered(new byte[200]), 100, pace);

        assertThatThrownBy(() -> stream.read(new byte[200], 0, 200)).isInstanceOfSatisfying(
                WebApplicationException.class, e -> assertThat(e.getResponse().getStatus()).isEqualTo(413));
    }
}
