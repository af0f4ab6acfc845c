package com.tradingcontrol.api.wiring;

import com.tradingcontrol.api.ApiExtension;
import com.tradingcontrol.projections.projector.ProjectorTopics;
import com.tradingcontrol.projections.rebuild.ProjectionMeta;
import com.tradingcontrol.projections.rebuild.ProjectionPointer;
import com.tradingcontrol.projections.store.ProjectionStore;
import com.tradingcontrol.schemas.topics.TopicNames;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * {@code /health/ready} of an API whose processors and projector run as their own processes: both
 * checked through their consumer groups on Kafka (see {@link ConsumerGroupReadiness}).
 *
 * @param processorsGroup the processors' application id
 * @param maxLag          records a service may be behind and still count as ready (writes are always in flight)
 */
public record ServiceReadiness(String bootstrapServers, String processorsGroup, ProjectionStore store, String prefix,
                               ProjectorTopics projectorTopics, long maxLag) {
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    public ApiExtension extension() {
        return (config, environment, runtime) -> {
            Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
            environment.lifecycle().manage(new Managed() {
                @Override
                public void stop() {
                    admin.close(Duration.ofSeconds(5));
                }
            });
            ProjectionMeta meta = new ProjectionMeta(store, prefix, Clock.systemUTC());
            runtime.readiness().register(new ConsumerGroupReadiness("stream-processors", admin,
                    () -> Optional.of(processorsGroup), List.of(TopicNames.COMMANDS), maxLag, TIMEOUT));
            runtime.readiness().register(new ConsumerGroupReadiness("projector", admin,
                    () -> meta.read().map(ProjectionPointer::activeGroup), projectorTopics.both(), maxLag, TIMEOUT));
        };
    }
}
