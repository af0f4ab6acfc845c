package com.tradingcontrol.schemas.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates every topic of a registry; idempotent, so every service may call it at start-up. */
public final class TopicCreator {
    private TopicCreator() {
    }

    /**
     * Creates the missing topics and checks the existing ones have the expected partition count
     * (a mismatch would break co-partitioning, so it fails loudly instead of carrying on).
     *
     * @return names of the topics this call created
     */
    public static List<String> createAll(Admin admin, Topics topics, short replicationFactor, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<NewTopic> missing = new ArrayList<>();
        for (TopicSpec<?, ?> spec : topics.all()) {
            if (!existing.contains(spec.name())) {
                missing.add(new NewTopic(spec.name(), spec.partitions(), replicationFactor).configs(spec.topicConfig()));
            }
        }
        List<String> created = new ArrayList<>();
        var result = admin.createTopics(missing);
        for (NewTopic topic : missing) {
            try {
                result.values().get(topic.name()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                created.add(topic.name());
            } catch (ExecutionException e) {
                // Another instance created it between our list and create: that is the idempotent case.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        verifyPartitions(admin, topics, timeout);
        return created;
    }

    private static void verifyPartitions(Admin admin, Topics topics, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<String> names = topics.all().stream().map(TopicSpec::name).toList();
        var descriptions = admin.describeTopics(names).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        for (TopicSpec<?, ?> spec : topics.all()) {
            TopicDescription description = descriptions.get(spec.name());
            if (description.partitions().size() != spec.partitions()) {
                throw new IllegalStateException("Topic " + spec.name() + " has " + description.partitions().size()
                        + " partitions, expected " + spec.partitions());
            }
        }
    }
}
