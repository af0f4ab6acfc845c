package com.tradingcontrol.api.engines;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradingcontrol.api.health.ReadinessStatus;
import com.tradingcontrol.api.wiring.TopicFollower;
import com.tradingcontrol.domain.engines.EngineFleet;
import com.tradingcontrol.domain.engines.FleetSettings;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.Test;

class EnginesReadinessTest {
    @Test
    void aFollowerThatIsNotRunningFailsReadinessNamingIt() {
        var monitor = new EnginesMonitor(new EngineFleet(FleetSettings.defaults()), Clock.systemUTC(), message -> { },
                new ObjectMapper(), new MetricRegistry());
        var dead = new TopicFollower<String, String>("engine-reports", new MockConsumer<>(OffsetResetStrategy.EARLIEST),
                "trading.engine-reports", (key, value) -> { }, new MetricRegistry());

        ReadinessStatus status = new EnginesReadiness(List.of(dead), monitor).check();

        assertThat(status.ready()).isFalse();
        assertThat(status.detail()).isEqualTo("engine-reports feed stopped");
    }
}
