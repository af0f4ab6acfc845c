package com.tradingcontrol.bench;

import java.util.Locale;
import java.util.Map;

/**
 * One benchmark figure: three order statistics of a latency distribution (or of per-second
 * throughput samples), the unit, and the ratio to the raw-Kafka figure measured in the same run
 * (null when no raw-Kafka counterpart exists, printed as {@code n/a}).
 *
 * @param samples how many observations the statistics summarise
 * @param notes   free-form context for the JSON report (sizes, load, what was measured)
 */
public record Figure(String name, double p50, double p99, double max, String unit, Double ratioToKafka,
                     long samples, Map<String, Object> notes) {

    public Figure {
        notes = notes == null ? Map.of() : Map.copyOf(notes);
    }

    /** Same figure with ratios against a baseline's same percentile (p50 vs p50 etc., reported on p99). */
    public Figure ratioTo(Figure baseline) {
        if (baseline == null || baseline.p99() <= 0) {
            return this;
        }
        return new Figure(name, p50, p99, max, unit, p99 / baseline.p99(), samples, notes);
    }

    /** The exact line format the issue asks for. */
    public String line() {
        return String.format(Locale.ROOT, "BENCH %s p50=%s p99=%s max=%s unit=%s ratio_to_kafka=%s", name,
                number(p50), number(p99), number(max), unit, ratioToKafka == null ? "n/a" : number(ratioToKafka));
    }

    static String number(double value) {
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
