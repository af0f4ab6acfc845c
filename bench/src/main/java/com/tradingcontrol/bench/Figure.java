package com.tradingcontrol.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One benchmark figure: three order statistics of a latency distribution (or of per-second
 * throughput samples), the unit, and the ratio to the raw-Kafka figure measured in the same run
 * (null when no raw-Kafka counterpart exists, printed as {@code n/a}).
 *
 * @param samples how many observations the statistics summarise
 * @param notes   free-form context for the JSON report (sizes, load, what was measured)
 * @param extras  fields appended to the BENCH line after {@code ratio_to_kafka} (e.g. {@code timeouts=3}),
 *                in insertion order; also in the JSON report
 */
public record Figure(String name, double p50, double p99, double max, String unit, Double ratioToKafka,
                     long samples, Map<String, Object> notes, Map<String, Object> extras) {

    public Figure {
        notes = notes == null ? Map.of() : Map.copyOf(notes);
        // LinkedHashMap, not Map.copyOf: the BENCH line prints extras in the order they were added.
        extras = extras == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    public Figure(String name, double p50, double p99, double max, String unit, Double ratioToKafka,
                  long samples, Map<String, Object> notes) {
        this(name, p50, p99, max, unit, ratioToKafka, samples, notes, null);
    }

    /** Same figure with one more BENCH-line field. */
    public Figure withExtra(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extras);
        more.put(key, value);
        return new Figure(name, p50, p99, max, unit, ratioToKafka, samples, notes, more);
    }

    /** Same figure with ratios against a baseline's same percentile (p50 vs p50 etc., reported on p99). */
    public Figure ratioTo(Figure baseline) {
        if (baseline == null || baseline.p99() <= 0) {
            return this;
        }
        return new Figure(name, p50, p99, max, unit, p99 / baseline.p99(), samples, notes, extras);
    }

    /** The exact line format the issue asks for, plus any extras as {@code key=value}. */
    public String line() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "BENCH %s p50=%s p99=%s max=%s unit=%s ratio_to_kafka=%s", name, number(p50), number(p99),
                number(max), unit, ratioToKafka == null ? "n/a" : number(ratioToKafka)));
        extras.forEach((k, v) -> line.append(' ').append(k).append('=')
                .append(v instanceof Double d ? number(d) : String.valueOf(v)));
        return line.toString();
    }

    static String number(double value) {
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
