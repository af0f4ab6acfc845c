package com.tradingcontrol.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingcontrol.schemas.serde.TestSchemas;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour that needs no registry; the API itself is exercised against Apicurio in ApicurioRegistryIT. */
class RestSchemaRegistryClientTest {

    @Test
    void configValidationNamesTheKey() {
        assertThatThrownBy(() -> RestRegistryConfig.of(" ")).hasMessageContaining("schemaRegistry.url");
        assertThatThrownBy(() -> RestRegistryConfig.of("ftp://host/x")).hasMessageContaining("schemaRegistry.url");
        assertThatThrownBy(() -> new RestRegistryConfig(URI.create("http://h"), Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("schemaRegistry.connectTimeout");
        assertThatThrownBy(() -> new RestRegistryConfig(URI.create("http://h"), Duration.ofSeconds(1), null))
                .hasMessageContaining("schemaRegistry.requestTimeout");
        assertThat(RestRegistryConfig.of("http://h:1/apis/ccompat/v7/").base()).isEqualTo("http://h:1/apis/ccompat/v7");
    }

    @Test
    void errorBodiesBecomeTypedExceptionsCarryingTheRegistryCodeAndMessage() {
        SchemaRegistryException incompatible = RegistryHttp.error("POST /x", 409,
                "{\"error_code\":409,\"message\":\"Schema being registered is incompatible\"}");
        SchemaRegistryException notFound = RegistryHttp.error("GET /x", 404,
                "{\"error_code\":40403,\"message\":\"Schema not found\"}");
        SchemaRegistryException invalid = RegistryHttp.error("POST /x", 422, "{\"error_code\":42201,\"message\":\"bad\"}");
        SchemaRegistryException html = RegistryHttp.error("GET /x", 502, "<html>bad gateway</html>");

        assertThat(incompatible).isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("incompatible").hasMessageContaining("POST /x");
        assertThat(notFound).isInstanceOf(SchemaNotFoundException.class);
        assertThat(notFound.errorCode()).isEqualTo(40403);
        assertThat(invalid.getClass()).isEqualTo(SchemaRegistryException.class);
        assertThat(invalid.errorCode()).isEqualTo(42201);
        assertThat(invalid.httpStatus()).isEqualTo(422);
        assertThat(html.errorCode()).isEqualTo(502);
        assertThat(html).hasMessageContaining("bad gateway");
    }

    @Test
    void subjectsArePercentEncodedAsPathSegments() {
        assertThat(RegistryHttp.segment("a b/c")).isEqualTo("a%20b%2Fc");
        assertThat(RegistryHttp.segment("orders.v1-value")).isEqualTo("orders.v1-value");
    }

    @Test
    void aRegistryThatNeverAnswersFailsWithinTheRequestTimeout() throws Exception {
        List<Socket> accepted = Collections.synchronizedList(new ArrayList<>());
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    accepted.add(silent.accept());
                } catch (java.io.IOException e) {
                    // The socket is closed when the test ends; nothing to accept any more.
                }
            });
            acceptor.start();
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(new RestRegistryConfig(
                    URI.create("http://127.0.0.1:" + silent.getLocalPort()), Duration.ofSeconds(1),
                    Duration.ofMillis(300)));
            long start = System.nanoTime();

            assertThatThrownBy(() -> client.register("s", TestSchemas.parse(TestSchemas.ORDER_V1)))
                    .isInstanceOf(SchemaRegistryException.class)
                    .hasMessageContaining("POST http://127.0.0.1:" + silent.getLocalPort() + "/subjects/s/versions")
                    .extracting(e -> ((SchemaRegistryException) e).errorCode()).isEqualTo(SchemaRegistryException.NO_CODE);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            acceptor.join(2000);
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
