package com.tradingcontrol.projections.drift;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The result of a drift check: the log position it folded up to, how many documents it compared
 * and every difference found.
 */
public record DriftReport(Map<TopicPartition, Long> foldedUpTo, long recordsFolded, long documentsCompared,
                          List<Difference> differences) {

    public DriftReport {
        differences = List.copyOf(differences);
        foldedUpTo = Map.copyOf(foldedUpTo);
    }

    public boolean clean() {
        return differences.isEmpty();
    }
}
