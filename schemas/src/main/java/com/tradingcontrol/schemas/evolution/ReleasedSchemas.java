package com.tradingcontrol.schemas.evolution;

import com.tradingcontrol.schemas.ContractSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * The released versions kept in the repository, and the release step that adds the current
 * schema as the next version when it changed. Run at release time:
 * {@code ./mvnw -q -pl schemas exec:java -Dexec.mainClass=com.tradingcontrol.schemas.evolution.ReleasedSchemas
 * -Dexec.args=schemas/src/main/released-schemas}.
 */
public final class ReleasedSchemas {
    private ReleasedSchemas() {
    }

    /** Every released version file, ordered by contract then version. */
    public static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir, 2)) {
            return files.filter(p -> p.getFileName().toString().matches("v\\d+\\.avsc"))
                    .sorted(Comparator.comparing((Path p) -> p.getParent().getFileName().toString())
                            .thenComparingInt(ReleasedSchemas::version))
                    .toList();
        }
    }

    static int version(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.length() - ".avsc".length()));
    }

    /** Writes each current schema as a new version when it differs from the latest released one. */
    public static List<Path> release(Map<String, Schema> current, Path dir) throws IOException {
        List<Path> written = new java.util.ArrayList<>();
        for (var entry : current.entrySet()) {
            Path contractDir = dir.resolve(entry.getKey());
            Files.createDirectories(contractDir);
            Optional<Path> latest = list(dir).stream().filter(p -> p.getParent().equals(contractDir))
                    .max(Comparator.comparingInt(ReleasedSchemas::version));
            if (latest.isPresent() && sameSchema(latest.get(), entry.getValue())) {
                continue;
            }
            int next = latest.map(ReleasedSchemas::version).orElse(0) + 1;
            Path file = contractDir.resolve("v" + next + ".avsc");
            Files.writeString(file, entry.getValue().toString(true) + "\n");
            written.add(file);
        }
        return written;
    }

    private static boolean sameSchema(Path released, Schema schema) throws IOException {
        // Docs and defaults matter for the contract, so compare the full JSON, not only the parsing form.
        Schema old = new Schema.Parser().parse(released.toFile());
        return old.equals(schema) && SchemaNormalization.parsingFingerprint64(old)
                == SchemaNormalization.parsingFingerprint64(schema);
    }

    public static void main(String[] args) throws IOException {
        for (Path file : release(ContractSchemas.current(), Path.of(args[0]))) {
            System.out.println("released " + file);
        }
    }
}
