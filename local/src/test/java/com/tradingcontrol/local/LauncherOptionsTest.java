package com.tradingcontrol.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingcontrol.local.registry.RegistryRestServer;
import com.tradingcontrol.schemas.registry.CompatibilityLevel;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The launcher's registry and Kafka port options: parsing, validation messages, and what they select. */
class LauncherOptionsTest {

    @Test
    void defaultsAreAStableKafkaPortAndTheServedRegistry() {
        LocalLauncher launcher = new LocalLauncher();
        new CommandLine(launcher).parseArgs();

        assertThat(launcher.options().kafkaPort()).isEqualTo(9092);
        assertThat(launcher.options().schemaRegistry()).isNull();
    }

    @Test
    void validValuesAreTaken() {
        LocalLauncher launcher = new LocalLauncher();
        new CommandLine(launcher).parseArgs("--kafka-port", "0", "--schema-registry", "http://127.0.0.1:8080/apis/ccompat/v7");

        assertThat(launcher.options().kafkaPort()).isZero();
        assertThat(launcher.options().schemaRegistry()).isEqualTo(URI.create("http://127.0.0.1:8080/apis/ccompat/v7"));
    }

    @Test
    void badValuesStopTheLauncherBeforeAnythingStartsWithAMessageNamingTheOption() {
        assertThat(run("--kafka-port", "70000")).contains("--kafka-port must be 0 (any free port) or 1-65535, was 70000");
        assertThat(run("--kafka-port", "many")).contains("--kafka-port").contains("many");
        assertThat(run("--schema-registry", "ftp://registry")).contains("--schema-registry must be an absolute http(s) URL");
        assertThat(run("--schema-registry", "not a url")).contains("--schema-registry");
    }

    @Test
    void aTakenKafkaPortIsReportedWithTheOptionToChange() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> KafkaPort.requireFree(taken.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Kafka port " + taken.getLocalPort()).hasMessageContaining("--kafka-port 0");
        }
        KafkaPort.requireFree(0);
    }

    @Test
    void anExternalRegistryIsUsedThroughItsRestApiAndAWrongUrlFailsTheStart() throws Exception {
        Schema schema = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[]}");
        try (InProcessSchemaRegistry elsewhere = InProcessSchemaRegistry.inMemory(CompatibilityLevel.FULL);
             RegistryRestServer server = RegistryRestServer.start(elsewhere, 0);
             LocalSchemaRegistry external = LocalSchemaRegistry.external(server.url())) {
            int id = external.client().register("r-value", schema);

            assertThat(external.url()).isEqualTo(server.url());
            assertThat(elsewhere.latest("r-value").id()).isEqualTo(id);
        }
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        assertThatThrownBy(() -> LocalSchemaRegistry.external(URI.create("http://127.0.0.1:" + closedPort)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not answer GET /config");
    }

    private static String run(String... args) {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new LocalLauncher()).setErr(new PrintWriter(err)).execute(args);
        assertThat(code).as(err.toString()).isEqualTo(2);
        return err.toString();
    }
}
