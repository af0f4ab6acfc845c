package com.tradingcontrol.schemas.evolution;

import com.tradingcontrol.schemas.ContractSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Fails the build when a contract schema is not BACKWARD_TRANSITIVE compatible with every
 * released version kept in the repository: a consumer on the current schema must be able to
 * read everything ever written with any released one (the event log is kept forever).
 *
 * <p>Released versions live in {@code <dir>/<full record name>/v<N>.avsc}. Compatibility is
 * Avro's own {@link SchemaCompatibility}, the same check a Confluent registry applies.
 */
public final class SchemaEvolutionGate {

    /** One released version the current schema cannot read. */
    public record Violation(String contract, String releasedFile, String detail) {
        @Override
        public String toString() {
            return contract + " is not backward compatible with " + releasedFile + ": " + detail;
        }
    }

    private SchemaEvolutionGate() {
    }

    public static List<Violation> check(Map<String, Schema> current, Path releasedDir) throws IOException {
        List<Violation> violations = new ArrayList<>();
        for (Path released : ReleasedSchemas.list(releasedDir)) {
            String contract = released.getParent().getFileName().toString();
            Schema reader = current.get(contract);
            if (reader == null) {
                violations.add(new Violation(contract, released.toString(), "released contract was removed"));
                continue;
            }
            Schema writer = new Schema.Parser().parse(released.toFile());
            var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
            if (result.getCompatibility() != SchemaCompatibilityType.COMPATIBLE) {
                violations.add(new Violation(contract, released.toString(), describe(result)));
            }
        }
        return violations;
    }

    private static String describe(SchemaCompatibility.SchemaCompatibilityResult result) {
        StringBuilder text = new StringBuilder();
        for (var incompatibility : result.getIncompatibilities()) {
            text.append(incompatibility.getType()).append(" at ").append(incompatibility.getLocation())
                    .append(" (").append(incompatibility.getMessage()).append(") ");
        }
        return text.toString().trim();
    }

    /** Build entry point: argument 0 is the released-schemas directory. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        List<Violation> violations = check(ContractSchemas.current(), dir);
        if (!violations.isEmpty()) {
            // Thrown, not System.exit: exec:java runs inside the Maven JVM and reports the failure.
            throw new IllegalStateException("Schema evolution gate failed:\n  "
                    + String.join("\n  ", violations.stream().map(Violation::toString).toList()));
        }
        try (Stream<Path> files = Files.list(dir)) {
            System.out.println("Schema evolution gate: " + ReleasedSchemas.list(dir).size()
                    + " released versions of " + files.count() + " contracts are readable by the current schemas");
        }
    }
}
