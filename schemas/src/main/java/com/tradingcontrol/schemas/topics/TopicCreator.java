package com.tradingcontrol.schemas.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Creates every topic of a registry; idempotent, so every service may call it at start-up. */
public final class TopicCreator {
    private static final long METADATA_RETRY_MS = 50;

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
        Map<String, TopicDescription> descriptions = describe(admin, names, timeout);
        for (TopicSpec<?, ?> spec : topics.all()) {
            TopicDescription description = descriptions.get(spec.name());
            if (description.partitions().size() != spec.partitions()) {
                throw new IllegalStateException("Topic " + spec.name() + " has " + description.partitions().size()
                        + " partitions, expected " + spec.partitions());
            }
        }
    }

    /**
     * A topic the controller has just created may be unknown to the broker answering the describe until
     * the new metadata reaches it (seen as a start-up flake under load), so that one error is retried
     * with a short pause until the timeout; every other error fails at once.
     */
    private static Map<String, TopicDescription> describe(Admin admin, List<String> names, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            try {
                return admin.describeTopics(names).allTopicNames().get(left, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(METADATA_RETRY_MS);
            }
        }
    }
}
