package com.tradingcontrol.schemas.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Decides whether a candidate schema may follow a subject's existing versions under a
 * {@link CompatibilityLevel}. The reader/writer rules themselves are Avro's own
 * {@link SchemaCompatibility} (the same check the Avro resolving decoder relies on); this class only
 * maps Confluent's levels onto which pairs must be checked, so both registries agree.
 */
public final class AvroCompatibilityChecker {

    private AvroCompatibilityChecker() {
    }

    /**
     * Returns the reasons {@code candidate} is not compatible; empty when it is.
     *
     * @param existing the subject's versions, oldest first
     */
    public static List<String> violations(CompatibilityLevel level, Schema candidate, List<Schema> existing) {
        List<String> problems = new ArrayList<>();
        if (level == CompatibilityLevel.NONE || existing.isEmpty()) {
            return problems;
        }
        List<Schema> toCheck = level.transitive() ? existing : existing.subList(existing.size() - 1, existing.size());
        for (int i = 0; i < toCheck.size(); i++) {
            Schema previous = toCheck.get(i);
            String which = level.transitive() ? "version " + (i + 1) : "the latest version";
            if (level.newReadsOld()) {
                check(candidate, previous, "new schema cannot read data written with " + which, problems);
            }
            if (level.oldReadsNew()) {
                check(previous, candidate, which + " cannot read data written with the new schema", problems);
            }
        }
        return problems;
    }

    private static void check(Schema reader, Schema writer, String context, List<String> problems) {
        SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            problems.add(context + ": " + result.getResult().getIncompatibilities());
        }
    }
}
