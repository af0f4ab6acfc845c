package com.tradingcontrol.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.health.HealthCheck;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadinessHealthCheckTest {
    private final ReadinessRegistry readiness = new ReadinessRegistry(Duration.ofSeconds(5));

    @AfterEach
    void close() {
        readiness.close();
    }

    /** A check that always answers the same. */
    private record Fixed(String name, ReadinessStatus status) implements ReadinessCheck {
        @Override
        public ReadinessStatus check() {
            return status;
        }
    }

    @Test
    void healthyWhenEveryReadinessCheckIsUp() {
        readiness.register(new Fixed("kafka", ReadinessStatus.up()));
        readiness.register(new Fixed("store", ReadinessStatus.up("sqlite")));

        HealthCheck.Result result = new ReadinessHealthCheck(readiness).execute();

        assertThat(result.isHealthy()).isTrue();
        assertThat(result.getMessage()).isEqualTo("kafka: UP; store: UP (sqlite)");
    }

    @Test
    void unhealthyNamingTheCheckThatIsDown() {
        readiness.register(new Fixed("kafka", ReadinessStatus.up()));
        readiness.register(new Fixed("processors", ReadinessStatus.down("not RUNNING")));

        HealthCheck.Result result = new ReadinessHealthCheck(readiness).execute();

        assertThat(result.isHealthy()).isFalse();
        assertThat(result.getMessage()).isEqualTo("kafka: UP; processors: DOWN (not RUNNING)");
    }
}
