package com.tradingcontrol.api.security;

import static com.tradingcontrol.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.api.ControlPlaneApplication;
import com.tradingcontrol.api.ControlPlaneConfiguration;
import com.tradingcontrol.api.support.Http;
import com.tradingcontrol.api.support.TestKeys;
import com.tradingcontrol.api.support.Tokens;
import com.tradingcontrol.projections.store.NotFoundException;
import com.tradingcontrol.projections.store.StoreUnavailableException;
import com.tradingcontrol.projections.store.ThrottledException;
import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Unavailability keeps the error contract: a throttled or unreachable read store is 503 with
 * Retry-After (not 500 INTERNAL), and a server that is shutting down answers new requests with a
 * problem+json 503 (Retry-After, x-request-id) while the requests already inside finish.
 */
@Timeout(90)
class UnavailabilityAttackTest {
    private static final CountDownLatch RELEASE = new CountDownLatch(1);
    private static final CountDownLatch ENTERED = new CountDownLatch(1);
    private DropwizardTestSupport<ControlPlaneConfiguration> support;

    @Path("/test/unavailable")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Failing {
        @GET
        @Path("/throttled")
        public String throttled() {
            throw new ThrottledException("429 from the store", Duration.ofSeconds(3), null);
        }

        @GET
        @Path("/down")
        public String down() {
            throw new StoreUnavailableException("database is locked");
        }

        @GET
        @Path("/broken")
        public String broken() {
            throw new NotFoundException("container attack-v9 does not exist");
        }

        @GET
        @Path("/slow")
        public String slow() throws InterruptedException {
            ENTERED.countDown();
            RELEASE.await(30, TimeUnit.SECONDS);
            return "{\"done\":true}";
        }
    }

    @BeforeEach
    void start() throws Exception {
        support = new DropwizardTestSupport<>(ControlPlaneApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
                ConfigOverride.config("auth.publicKeyPem", TestKeys.rsaPem()),
                ConfigOverride.config("commands.retryAfter", "4s"),
                ConfigOverride.config("server.shutdownGracePeriod", "20s")) {
            @Override
            public Application<ControlPlaneConfiguration> newApplication() {
                return new ControlPlaneApplication(List.of((config, environment, runtime) ->
                        environment.jersey().register(new Failing())));
            }
        };
        support.before();
    }

    @AfterEach
    void stop() {
        RELEASE.countDown();
        support.after();
    }

    @Test
    void aThrottledOrUnreachableStoreIs503WithRetryAfter() {
        Http http = new Http(support.getLocalPort());
        var throttled = http.get("/test/unavailable/throttled", Tokens.admin());
        assertProblem(throttled, 503, "STORE_UNAVAILABLE");
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("3");

        var down = http.get("/test/unavailable/down", Tokens.admin());
        assertProblem(down, 503, "STORE_UNAVAILABLE");
        assertThat(down.headers().firstValue("Retry-After")).hasValue("4");

        assertProblem(http.get("/test/unavailable/broken", Tokens.admin()), 500, "INTERNAL");
    }

    @Test
    void shuttingDownAnswersNewRequestsWithAProblemAndLetsRunningOnesFinish() throws Exception {
        Server server = support.getEnvironment().getApplicationContext().getServer();
        try (Socket running = connect(); Socket idle = connect()) {
            send(running, "GET /test/unavailable/slow HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(ENTERED.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(support::after);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!server.isStopping() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(server.isStopping()).isTrue();

            send(idle, "GET /api/me/profile HTTP/1.1\r\nHost: x\r\nx-request-id: late-1\r\nConnection: close\r\n\r\n");
            String refused = readAll(idle);
            assertThat(refused).startsWith("HTTP/1.1 503");
            assertThat(refused).containsIgnoringCase("content-type: application/problem+json")
                    .containsIgnoringCase("retry-after: 4").containsIgnoringCase("x-request-id: late-1")
                    .doesNotContain("<html");

            RELEASE.countDown();
            String finished = readAll(running);
            assertThat(finished).startsWith("HTTP/1.1 200").contains("\"done\":true");
            stopping.get(30, TimeUnit.SECONDS);
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", support.getLocalPort()), 5_000);
        socket.setSoTimeout(20_000);
        return socket;
    }

    private static void send(Socket socket, String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** Until the server closes the connection (or the first complete response, for keep-alive). */
    private static String readAll(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            all.write(buffer, 0, n);
            String text = all.toString(StandardCharsets.UTF_8);
            if (text.contains("\r\n\r\n") && text.endsWith("}")) {
                break;
            }
        }
        return all.toString(StandardCharsets.UTF_8);
    }
}
