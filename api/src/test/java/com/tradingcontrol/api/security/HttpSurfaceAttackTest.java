package com.tradingcontrol.api.security;

import static com.tradingcontrol.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.tradingcontrol.api.support.Http;
import com.tradingcontrol.api.support.Tokens;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.server.NetworkConnector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * The HTTP surface an outside attacker reaches: no admin servlet on the public port, Jetty's own
 * errors in the API's problem format, and the security headers on every answer.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Timeout(60)
class HttpSurfaceAttackTest {
    private static final AttackApp ATTACK = new AttackApp();
    static final DropwizardAppExtension<?> APP = ATTACK.app;
    static Http http;

    @BeforeAll
    static void client() {
        http = new Http(APP.getLocalPort());
    }

    @Test
    void theAdminServletIsNotOnThePublicPort() {
        for (String path : List.of("/admin/tasks/log-level?logger=com.tradingcontrol&level=OFF", "/admin/tasks/gc",
                "/tasks/log-level?logger=com.tradingcontrol&level=OFF")) {
            HttpResponse<String> response = http.send(http.request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
            assertProblem(response, 404, "NOT_FOUND");
        }
        for (String path : List.of("/admin/metrics", "/admin/threads", "/admin/pprof", "/admin/healthcheck",
                "/metrics", "/threads")) {
            assertProblem(http.get(path, Tokens.admin()), 404, "NOT_FOUND");
        }
    }

    @Test
    void theAdminConnectorListensOnLoopbackOnly() {
        var server = APP.getEnvironment().getApplicationContext().getServer();
        NetworkConnector admin = null;
        for (var connector : server.getConnectors()) {
            if (connector instanceof NetworkConnector network && "admin".equals(network.getName())) {
                admin = network;
            }
        }
        assertThat(admin).as("an admin connector of its own").isNotNull();
        assertThat(admin.getHost()).isEqualTo("127.0.0.1");
        assertThat(admin.getLocalPort()).isNotEqualTo(APP.getLocalPort());
        // The admin servlet does answer there (loopback only), so operators keep their tools.
        HttpResponse<String> ping = new Http(APP.getAdminPort()).get("/ping", null);
        assertThat(ping.statusCode()).isEqualTo(200);
    }

    @Test
    void adminTasksAreAuditedInTheLog() {
        Logger audit = (Logger) LoggerFactory.getLogger("com.tradingcontrol.audit.admin");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        audit.addAppender(appender);
        try {
            Http admin = new Http(APP.getAdminPort());
            HttpResponse<String> response = admin.send(admin.request("/tasks/log-level?logger=com.example.quiet&level=ERROR")
                    .POST(HttpRequest.BodyPublishers.noBody()).build());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(line -> assertThat(line).contains("/tasks/log-level").contains("com.example.quiet")
                            .contains("ERROR").contains("127.0.0.1"));
        } finally {
            audit.detachAppender(appender);
        }
    }

    @Test
    void answersCarryNosniffAndNoStore() {
        for (HttpResponse<String> response : List.of(http.get("/api/me/profile", Tokens.admin()),
                http.get("/no/such/path", Tokens.admin()), http.get("/api/me/profile", null))) {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(response.uri().toString()).hasValue("nosniff");
            assertThat(response.headers().firstValue("Cache-Control")).as(response.uri().toString()).hasValue("no-store");
        }
    }

    @Test
    void anAmbiguousPathIsAProblemNotAnHtmlPage() throws IOException {
        RawResponse response = raw("GET /api/%2e%2e/admin/tasks HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isEqualTo(400);
        assertRawProblem(response, "BAD_REQUEST");
    }

    @Test
    void tooLargeHeadersAreAProblemNotAnHtmlPage() throws IOException {
        String big = "x".repeat(20_000);
        RawResponse response = raw("GET /api/me/profile HTTP/1.1\r\nHost: x\r\nX-Big: " + big + "\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isEqualTo(431);
        assertRawProblem(response, "HEADERS_TOO_LARGE");
    }

    @Test
    void aWrongMethodIsAProblem() {
        HttpResponse<String> response = http.send(http.request("/api/me/profile")
                .header("Authorization", "Bearer " + Tokens.admin()).DELETE().build());

        assertProblem(response, 405, "METHOD_NOT_ALLOWED");
    }

    private static void assertRawProblem(RawResponse response, String code) {
        assertThat(response.head()).containsIgnoringCase("content-type: application/problem+json")
                .containsIgnoringCase("x-request-id: ").containsIgnoringCase("x-content-type-options: nosniff");
        assertThat(response.body()).contains("\"code\":\"" + code + "\"").contains("\"requestId\":\"")
                .doesNotContain("<html").doesNotContain("Exception");
    }

    record RawResponse(int status, String head, String body) {}

    /** A hand-written request: java.net.http refuses to send what an attacker sends. */
    private static RawResponse raw(String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", APP.getLocalPort()), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            return new RawResponse(status, head, body);
        }
    }
}
