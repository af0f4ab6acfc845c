package com.tradingcontrol.api.engines;

import com.tradingcontrol.api.health.ReadinessCheck;
import com.tradingcontrol.api.health.ReadinessStatus;
import com.tradingcontrol.api.wiring.TopicFollower;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code engines} on {@code /health/ready}: DOWN only when the API cannot follow the engines (a follower
 * died); UP with a detail while it reads its start-up window. Stale engines and missed halts are the engines' problem,
 * not the API's: taking the API out of a load balancer would also take away the kill switch, so they are
 * an UP detail (and the {@code engines.stale} / {@code engines.haltsMissed} gauges) for operators to act on.
 */
public final class EnginesReadiness implements ReadinessCheck {
    private static final int LISTED = 10;
    private final List<TopicFollower<?, ?>> followers;
    private final EnginesMonitor monitor;

    public EnginesReadiness(List<TopicFollower<?, ?>> followers, EnginesMonitor monitor) {
        this.followers = List.copyOf(followers);
        this.monitor = monitor;
    }

    @Override
    public String name() {
        return "engines";
    }

    @Override
    public ReadinessStatus check() {
        for (TopicFollower<?, ?> follower : followers) {
            if (!follower.running()) {
                String why = follower.path().stoppedDetail();
                return ReadinessStatus.down(follower.name() + " feed stopped" + (why == null ? "" : " (" + why + ")"));
            }
        }
        if (followers.stream().anyMatch(follower -> !follower.caughtUp())) {
            // Reading the start-up window must not delay readiness (and with it the kill switch) after a restart.
            return ReadinessStatus.up("reading the engines' recent history (engines.lookback)");
        }
        EngineFlags flags = monitor.flags();
        StringBuilder detail = new StringBuilder(flags.alive() + " engine(s) alive");
        if (!flags.stale().isEmpty()) {
            detail.append("; stale: ").append(first(flags.stale()));
        }
        if (!flags.missedHalts().isEmpty()) {
            detail.append("; halts missed within the SLO: ").append(first(flags.missedHalts().entrySet().stream()
                    .map(e -> e.getKey() + " by " + String.join(",", e.getValue())).toList()));
        }
        return ReadinessStatus.up(detail.toString());
    }

    private static String first(List<String> items) {
        String listed = items.stream().limit(LISTED).collect(Collectors.joining(", "));
        return items.size() > LISTED ? listed + " and " + (items.size() - LISTED) + " more" : listed;
    }
}
