package com.tradingcontrol.api.commands;

import static com.tradingcontrol.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.Counter;
import com.tradingcontrol.api.ControlPlaneConfiguration;
import com.tradingcontrol.api.ports.CommandRequest;
import com.tradingcontrol.api.ports.InMemoryCommandGateway;
import com.tradingcontrol.api.ports.Outcome;
import com.tradingcontrol.api.ports.ReadBarrier;
import com.tradingcontrol.api.support.Http;
import com.tradingcontrol.api.support.TestApps;
import com.tradingcontrol.api.support.Tokens;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code Prefer: wait} as a resource: waits hold no Jetty thread, each principal has a cap, the
 * answer is honest about read-your-writes within one deadline; and trickled bodies are cut. The
 * command bus and the read model are fakes the test steers, so timings are the test's own.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CommandWaitsIT {
    private static final int CAP = 4;
    private static final int MAX_THREADS = 16;
    static final InMemoryCommandGateway GATEWAY = new InMemoryCommandGateway();
    /** The fake read model's versions by aggregate; absent = version 0 (it has not applied anything). */
    static final Map<String, Long> READ_MODEL = new ConcurrentHashMap<>();
    static final AtomicReference<Counter> LAGGING = new AtomicReference<>();
    static final DropwizardAppExtension<ControlPlaneConfiguration> APP = TestApps.withRsaKey(
            (config, environment, runtime) -> {
                ScheduledExecutorService scheduler = environment.lifecycle()
                        .scheduledExecutorService("test-command-waits-%d", true).threads(2).build();
                ReadBarrier barrier = new ReadBarrier() {
                    @Override
                    public boolean covers(String aggregateId) {
                        return true;
                    }

                    @Override
                    public long currentVersion(String aggregateId) {
                        return READ_MODEL.getOrDefault(aggregateId, 0L);
                    }
                };
                CommandWaits waits = CommandWaits.of(Duration.ofSeconds(30), config.getCommands().getMaxWaitingPerPrincipal(),
                        List.of(barrier), scheduler, environment.metrics());
                LAGGING.set(waits.lagging());
                CommandEndpoint endpoint = new CommandEndpoint(new CommandFactory(Clock.systemUTC()),
                        new CommandSubmitter(GATEWAY, waits, Duration.ofSeconds(5)), new IdempotencyKeys(1_000));
                environment.jersey().register(new ProfileCommands(endpoint));
            },
            ConfigOverride.config("commands.maxWaitingPerPrincipal", String.valueOf(CAP)),
            ConfigOverride.config("server.maxThreads", String.valueOf(MAX_THREADS)),
            ConfigOverride.config("server.minThreads", "8"));
    private static Http http;

    @BeforeAll
    static void client() {
        http = new Http(APP.getLocalPort());
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static HttpRequest createProfile(String tenant, String profileId, int waitSeconds) {
        return http.request("/api/profiles").timeout(Duration.ofSeconds(40))
                .header("Authorization", "Bearer " + Tokens.customer(tenant))
                .header("Content-Type", "application/json").header("Prefer", "wait=" + waitSeconds)
                .POST(HttpRequest.BodyPublishers.ofString("{\"profileId\":\"" + profileId + "\",\"name\":\"n\"}"))
                .build();
    }

    private static CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return Http.client().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static List<CommandRequest> submittedFor(String tenant) {
        return GATEWAY.all().stream().filter(r -> tenant.equals(r.actor().tenantId())).toList();
    }

    private static void accept(CommandRequest request, long version) {
        GATEWAY.decide(new Outcome(request.commandId(), request.aggregateId(), Outcome.Status.ACCEPTED, null, "ok",
                version, List.of(request.commandId() + ":0"), Instant.now()));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void theCapPlusOnethWaitOfOnePrincipalIs429WhileAnotherPrincipalGetsThrough() throws Exception {
        String greedy = unique("greedy");
        List<CompletableFuture<HttpResponse<String>>> open = new ArrayList<>();
        for (int i = 0; i < CAP; i++) {
            open.add(sendAsync(createProfile(greedy, "p" + i, 30)));
        }
        await("the first " + CAP + " waits to be submitted", () -> submittedFor(greedy).size() == CAP);

        HttpResponse<String> refused = http.send(createProfile(greedy, "one-too-many", 30));

        assertProblem(refused, 429, "TOO_MANY_WAITS");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(submittedFor(greedy)).as("the refused command was not sent").hasSize(CAP)
                .noneMatch(r -> r.aggregateId().endsWith(":one-too-many"));

        String other = unique("other");
        CompletableFuture<HttpResponse<String>> otherWait = sendAsync(createProfile(other, "p", 30));
        await("the other principal's command", () -> submittedFor(other).size() == 1);
        accept(submittedFor(other).get(0), 1);
        READ_MODEL.put(submittedFor(other).get(0).aggregateId(), 1L);
        assertThat(otherWait.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);

        submittedFor(greedy).forEach(r -> {
            READ_MODEL.put(r.aggregateId(), 1L);
            accept(r, 1);
        });
        for (CompletableFuture<HttpResponse<String>> response : open) {
            assertThat(response.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> afterwards = http.send(createProfile(greedy, "again", 1));
        assertThat(afterwards.statusCode()).as("slots are freed once answered").isEqualTo(202);
    }

    @Test
    void moreWaitingRequestsThanJettyThreadsAllComplete() throws Exception {
        int principals = 12;
        List<String> tenants = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
        for (int p = 0; p < principals; p++) {
            String tenant = unique("many");
            tenants.add(tenant);
            for (int i = 0; i < CAP; i++) {
                waiting.add(sendAsync(createProfile(tenant, "p" + i, 30)));
            }
        }
        int total = principals * CAP;
        assertThat(total).isGreaterThan(2 * MAX_THREADS);
        // Every one of them reaches the command bus while all are still waiting: none holds a thread.
        await(total + " waiting requests submitted",
                () -> tenants.stream().mapToInt(t -> submittedFor(t).size()).sum() == total);
        assertThat(waiting).noneMatch(CompletableFuture::isDone);
        assertThat(http.get("/health/live", null).statusCode()).as("the server still answers").isEqualTo(200);

        tenants.forEach(t -> submittedFor(t).forEach(r -> {
            READ_MODEL.put(r.aggregateId(), 1L);
            accept(r, 1);
        }));

        for (CompletableFuture<HttpResponse<String>> response : waiting) {
            HttpResponse<String> done = response.get(20, TimeUnit.SECONDS);
            assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
            assertThat(done.headers().firstValue("Read-Models")).hasValue("current");
        }
    }

    @Test
    void aWaitedAnswerWhoseReadModelLagsSaysSoAndStaysWithinPrefer() throws Exception {
        String tenant = unique("lag");
        long laggingBefore = LAGGING.get().getCount();
        CompletableFuture<HttpResponse<String>> waited = sendAsync(createProfile(tenant, "p", 2));
        await("the command", () -> submittedFor(tenant).size() == 1);
        CommandRequest request = submittedFor(tenant).get(0);
        // The outcome arrives late in the budget; the read model never applies it.
        CompletableFuture.delayedExecutor(1500, TimeUnit.MILLISECONDS).execute(() -> accept(request, 1));

        HttpResponse<String> response = waited.get(10, TimeUnit.SECONDS);
        // Measured from when the command was built (just before the deadline starts), not from the
        // client's send, so connection set-up and token checks on a cold JVM do not count.
        long tookMillis = Duration.between(request.requestedAt(), Instant.now()).toMillis();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Http.json(response).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(response.headers().firstValue("Read-Models")).hasValue("lagging");
        assertThat(tookMillis).as("outcome and read models share the 2 s of Prefer").isBetween(1500L, 2600L);
        assertThat(LAGGING.get().getCount()).isEqualTo(laggingBefore + 1);
    }

    @Test
    void aWaitedAnswerClaimsReadYourWritesOnceTheReadModelShowsTheVersion() throws Exception {
        String tenant = unique("ryw");
        CompletableFuture<HttpResponse<String>> waited = sendAsync(createProfile(tenant, "p", 10));
        await("the command", () -> submittedFor(tenant).size() == 1);
        CommandRequest request = submittedFor(tenant).get(0);
        accept(request, 3);
        READ_MODEL.put(request.aggregateId(), 2L);
        CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS).execute(() -> READ_MODEL.put(request.aggregateId(), 3L));

        HttpResponse<String> response = waited.get(10, TimeUnit.SECONDS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Read-Models")).hasValue("current");
        assertThat(READ_MODEL.get(request.aggregateId())).isEqualTo(3L);
    }

    @Test
    void aTrickledBodyIsCut() throws Exception {
        String body = "{\"profileId\":\"trickle\",\"name\":\"" + "x".repeat(60) + "\"}";
        try (Socket socket = new Socket("127.0.0.1", APP.getLocalPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/profiles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + Tokens.customer(unique("slow")) + "\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> readAll(socket));
            int sent = 0;
            // One byte every 300 ms (~3 B/s): far below the enforced minimum rate.
            while (sent < body.length() && !answer.isDone()) {
                try {
                    out.write(body.charAt(sent++));
                    out.flush();
                } catch (java.io.IOException closed) {
                    break;
                }
                Thread.sleep(300);
            }
            String response = answer.get(20, TimeUnit.SECONDS);
            assertThat(sent).as("the server cut the body before it was complete").isLessThan(body.length());
            assertThat(response).startsWith("HTTP/1.1 408").contains("application/problem+json")
                    .contains("\"code\":\"REQUEST_TIMEOUT\"").contains("x-request-id");
        }
        assertThat(GATEWAY.all()).noneMatch(r -> r.aggregateId().endsWith(":trickle"));
    }

    private static String readAll(Socket socket) {
        try (InputStream in = socket.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            return "closed: " + e;
        }
    }
}
