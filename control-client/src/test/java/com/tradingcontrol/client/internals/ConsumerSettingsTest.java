package com.tradingcontrol.client.internals;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.client.ControlClientConfig;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

class ConsumerSettingsTest {

    @Test
    void readsCommittedByAssignmentWhateverExtraPropertiesSay() {
        ControlClientConfig config = ControlClientConfig.builder().bootstrapServers("h:1").schemaRegistryUrl("http://r:2")
                .kafkaProperty("isolation.level", "read_uncommitted").kafkaProperty("group.id", "engines")
                .kafkaProperty("security.protocol", "SSL").build();
        Map<String, Object> props = ConsumerSettings.properties(config);
        assertThat(props).containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry("security.protocol", "SSL")
                .doesNotContainKey(ConsumerConfig.GROUP_ID_CONFIG);
    }
}
