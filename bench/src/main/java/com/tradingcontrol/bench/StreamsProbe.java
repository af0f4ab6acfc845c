package com.tradingcontrol.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The processors' own thread metrics, attached to the throughput figures so a missed target comes with
 * what limited it: how long commits took, how many records each commit covered, how much of the
 * thread's time went to processing, committing and polling.
 */
final class StreamsProbe {

    private static final String[] THREAD_METRICS = {"commit-latency-avg", "commit-latency-max", "commit-rate",
        "process-rate", "process-latency-avg", "poll-latency-avg", "poll-records-avg", "process-ratio",
        "commit-ratio", "poll-ratio", "punctuate-ratio"};

    private final KafkaStreams streams;

    StreamsProbe(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Thread-level metrics of the (first) stream thread, plus records per commit when both rates are known. */
    Map<String, Object> snapshot() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
            MetricName name = e.getKey();
            if (!"stream-thread-metrics".equals(name.group()) || values.containsKey(key(name.name()))) {
                continue;
            }
            for (String wanted : THREAD_METRICS) {
                if (wanted.equals(name.name()) && e.getValue().metricValue() instanceof Double d && !d.isNaN()) {
                    values.put(key(wanted), round(d));
                }
            }
        }
        if (values.get("streams_process_rate") instanceof Double p && values.get("streams_commit_rate") instanceof Double c
                && c > 0) {
            values.put("streams_records_per_commit", round(p / c));
        }
        return values;
    }

    private static String key(String metric) {
        return "streams_" + metric.replace('-', '_');
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
