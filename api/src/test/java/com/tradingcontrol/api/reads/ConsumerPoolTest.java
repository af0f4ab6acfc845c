package com.tradingcontrol.api.reads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ConsumerPoolTest {

    private static final TopicPartition TP = new TopicPartition("events", 0);

    private final List<MockConsumer<String, byte[]>> created = new ArrayList<>();
    private final ConsumerPool pool = new ConsumerPool(() -> {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
        created.add(consumer);
        return consumer;
    }, 1);

    @Test
    void reusesAConsumerAcrossQueriesAndHandsItOutUnassignedAndUnpaused() {
        pool.withConsumer(c -> {
            c.assign(Set.of(TP));
            c.pause(Set.of(TP));
            return null;
        });
        Set<TopicPartition> seenAssigned = pool.withConsumer(Consumer::assignment);

        assertThat(created).hasSize(1);
        assertThat(seenAssigned).isEmpty();
        assertThat(created.get(0).paused()).isEmpty();
        assertThat(created.get(0).closed()).isFalse();
    }

    @Test
    void closesAConsumerWhoseWorkFailedAndCreatesAFreshOneNextTime() {
        assertThatThrownBy(() -> pool.withConsumer(c -> {
            throw new IllegalStateException("broken read");
        })).hasMessage("broken read");
        pool.withConsumer(Consumer::assignment);

        assertThat(created).hasSize(2);
        assertThat(created.get(0).closed()).isTrue();
        assertThat(pool.idleCount()).isEqualTo(1);
    }

    @Test
    void keepsAtMostMaxIdleAndClosesTheRest() {
        pool.withConsumer(outer -> pool.withConsumer(inner -> null));

        assertThat(created).hasSize(2);
        assertThat(pool.idleCount()).isEqualTo(1);
        assertThat(created).filteredOn(MockConsumer::closed).hasSize(1);
    }

    @Test
    void afterCloseIdleConsumersAreClosedAndLaterQueriesStillWorkWithoutReuse() {
        pool.withConsumer(Consumer::assignment);
        pool.close();
        pool.withConsumer(Consumer::assignment);

        assertThat(created).hasSize(2).allMatch(MockConsumer::closed);
        assertThat(pool.idleCount()).isZero();
    }
}
