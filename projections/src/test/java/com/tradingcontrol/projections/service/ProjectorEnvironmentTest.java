package com.tradingcontrol.projections.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProjectorEnvironmentTest {

    @Test
    void variablesBecomeKeysAndWinOverTheFile() {
        Properties file = new Properties();
        file.setProperty("cosmos.key", "from-file");
        file.setProperty("store.type", "cosmos");
        Properties props = ProjectorEnvironment.apply(file, Map.of(
                "PROJECTOR_COSMOS_KEY", "from-env",
                "PROJECTOR_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "PROJECTOR_COSMOS_CONNECTIONMODE", "GATEWAY",
                "PATH", "/usr/bin"));
        assertThat(props).containsEntry("cosmos.key", "from-env").containsEntry("store.type", "cosmos")
                .containsEntry("kafka.bootstrapServers", "kafka:9092").containsEntry("cosmos.connectionMode", "GATEWAY")
                .hasSize(4);
    }

    @Test
    void anUnknownVariableIsAnErrorNamingIt() {
        assertThatThrownBy(() -> ProjectorEnvironment.apply(new Properties(), Map.of("PROJECTOR_COSMOS_KYE", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PROJECTOR_COSMOS_KYE");
    }

    @Test
    void everyKeyTheConfigReadsCanBeSetByEnvironment() throws Exception {
        String source = Files.readString(Path.of("src/main/java/com/tradingcontrol/projections/service/ProjectorConfig.java"));
        Matcher m = Pattern.compile("k\\.\\w+\\(\"([a-z]+\\.[A-Za-z.]+)\"").matcher(source);
        Set<String> read = new HashSet<>();
        while (m.find()) {
            read.add(m.group(1));
        }
        assertThat(read).isNotEmpty();
        assertThat(ProjectorEnvironment.KEYS).containsAll(read);
    }
}
