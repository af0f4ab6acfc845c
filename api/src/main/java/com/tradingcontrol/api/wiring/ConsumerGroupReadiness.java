package com.tradingcontrol.api.wiring;

import com.tradingcontrol.api.health.ReadinessCheck;
import com.tradingcontrol.api.health.ReadinessStatus;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Readiness of a service that runs in another process, read from Kafka itself: its consumer group
 * has a live member, is not rebalancing, and its committed offsets are at most {@code maxLag} records
 * behind the committed end of its input topics. This is what tells the API that the processors (group
 * = application id, input trading.commands) or the projector (its active version's group, input events
 * and audit) are dead or stalled, which the API's own followers cannot see.
 */
public final class ConsumerGroupReadiness implements ReadinessCheck {
    private final String name;
    private final Admin admin;
    private final Supplier<Optional<String>> group;
    private final Collection<String> topics;
    private final long maxLag;
    private final Duration timeout;

    /** @param group the group to check now (empty = not known yet, e.g. no projection pointer) */
    public ConsumerGroupReadiness(String name, Admin admin, Supplier<Optional<String>> group, Collection<String> topics,
                                  long maxLag, Duration timeout) {
        this.name = name;
        this.admin = admin;
        this.group = group;
        this.topics = List.copyOf(topics);
        this.maxLag = maxLag;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ReadinessStatus check() {
        Optional<String> id = group.get();
        if (id.isEmpty()) {
            return ReadinessStatus.down("consumer group not known yet");
        }
        try {
            return check(id.get());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return ReadinessStatus.down("group " + id.get() + " has no live member (it never had one)");
            }
            return ReadinessStatus.down("group " + id.get() + ": " + e.getCause());
        } catch (TimeoutException e) {
            return ReadinessStatus.down("group " + id.get() + ": Kafka did not answer within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ReadinessStatus.down("interrupted");
        }
    }

    private ReadinessStatus check(String id) throws ExecutionException, InterruptedException, TimeoutException {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(id)).describedGroups().get(id)
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        GroupState state = description.groupState();
        if (description.members().isEmpty()) {
            return ReadinessStatus.down("group " + id + " has no live member (" + state + ")");
        }
        if (state != GroupState.STABLE) {
            return ReadinessStatus.down("group " + id + " is " + state);
        }
        long lag = lag(id);
        String detail = "group " + id + " " + state + ", " + description.members().size() + " member(s), " + lag
                + " records behind on " + topics;
        return lag <= maxLag ? ReadinessStatus.up(detail) : ReadinessStatus.down(detail + " (more than " + maxLag + ")");
    }

    private long lag(String id) throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(id)
                .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicDescription topic : admin.describeTopics(topics).allTopicNames()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).values()) {
            topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
        }
        long lag = 0;
        var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        for (var end : ends.entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            lag += Math.max(0, end.getValue().offset() - (at == null ? 0 : at.offset()));
        }
        return lag;
    }
}
