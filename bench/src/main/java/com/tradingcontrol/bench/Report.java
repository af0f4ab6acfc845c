package com.tradingcontrol.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects figures, prints each as its BENCH line the moment it is known, and writes the JSON report. */
public final class Report {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintStream out;
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    public Report(PrintStream out) {
        this.out = out;
    }

    public synchronized void add(Figure figure) {
        figures.add(figure);
        out.println(figure.line());
        out.flush();
    }

    /** A scenario that could not run: reported in the JSON and on stderr, never hidden. */
    public synchronized void failed(String scenario, Exception error) {
        failures.add(scenario + ": " + error);
        System.err.println("BENCH-FAILED " + scenario + ": " + error);
        error.printStackTrace(System.err);
    }

    public synchronized List<Figure> figures() {
        return List.copyOf(figures);
    }

    public synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    public synchronized Figure find(String name) {
        return figures.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }

    public synchronized void write(Path file, Map<String, Object> run) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("generatedAt", Instant.now().toString());
        root.set("run", JSON.valueToTree(run));
        ArrayNode list = root.putArray("figures");
        for (Figure f : figures) {
            ObjectNode node = list.addObject();
            node.put("name", f.name());
            node.put("p50", f.p50());
            node.put("p99", f.p99());
            node.put("max", f.max());
            node.put("unit", f.unit());
            if (f.ratioToKafka() == null) {
                node.putNull("ratioToKafka");
            } else {
                node.put("ratioToKafka", f.ratioToKafka());
            }
            node.put("samples", f.samples());
            node.set("notes", JSON.valueToTree(f.notes()));
            f.extras().forEach((k, v) -> node.set(k, JSON.valueToTree(v)));
        }
        root.set("failures", JSON.valueToTree(failures));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(file.toFile(), root);
    }
}
