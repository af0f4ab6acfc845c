package com.tradingcontrol.api.wiring;

import com.tradingcontrol.api.health.ReadinessCheck;
import com.tradingcontrol.api.health.ReadinessStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Readiness checks backed by Kafka: the cluster answers, and the processors' output is being followed. */
public final class KafkaReadiness {
    private KafkaReadiness() {}

    /** {@code kafka}: the cluster answers a describe within the timeout. */
    public static ReadinessCheck cluster(Admin admin, Duration timeout) {
        return new ReadinessCheck() {
            @Override
            public String name() {
                return "kafka";
            }

            @Override
            public ReadinessStatus check() {
                try {
                    var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
                    int brokers = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
                    return ReadinessStatus.up(brokers + " broker(s)");
                } catch (ExecutionException | TimeoutException e) {
                    return ReadinessStatus.down("cluster did not answer");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return ReadinessStatus.down("interrupted");
                }
            }
        };
    }

    /**
     * {@code processors}: the outcome and control-state followers run and have read what the processors
     * had written before this instance started, so outcomes and pushes flow. A follower whose thread
     * stopped is named with the cause; records a follower skipped are in the detail of an UP check
     * (see {@link com.tradingcontrol.api.health.ReadPath}).
     */
    public static ReadinessCheck followers(List<TopicFollower<?, ?>> followers) {
        return new ReadinessCheck() {
            @Override
            public String name() {
                return "processors";
            }

            @Override
            public ReadinessStatus check() {
                for (TopicFollower<?, ?> follower : followers) {
                    if (follower.path().hasStopped()) {
                        return ReadinessStatus.down(follower.path().stoppedDetail());
                    }
                    if (!follower.running()) {
                        return ReadinessStatus.down(follower.name() + " feed stopped");
                    }
                    if (!follower.caughtUp()) {
                        return ReadinessStatus.down(follower.name() + " feed catching up");
                    }
                }
                if (followers.stream().allMatch(f -> f.path().skipped() == 0)) {
                    return ReadinessStatus.up();
                }
                return ReadinessStatus.up(String.join("; ", followers.stream().map(f -> f.path().summary()).toList()));
            }
        };
    }
}
