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

    private static final String[] LOAD_KEYS = {"load1", "load5", "load15"};

    private final PrintStream out;
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    public Report(PrintStream out) {
        this.out = out;
    }

    /**
     * Adds {@code figure} with the machine's load averages at this moment ({@code load1= load5= load15=} on
     * the line and in the JSON): the figures move with what else runs on the machine.
     */
    public synchronized void add(Figure figure) {
        double[] load = loadAverages();
        for (int i = 0; i < load.length; i++) {
            figure = figure.withExtra(LOAD_KEYS[i], load[i]);
        }
        figures.add(figure);
        out.println(figure.line());
        out.flush();
    }

    /** The 1, 5 and 15 minute load averages of {@code /proc/loadavg}, or the JVM's 1 minute one without it. */
    static double[] loadAverages() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {Double.parseDouble(fields[0]), Double.parseDouble(fields[1]),
                    Double.parseDouble(fields[2])};
        } catch (IOException | RuntimeException e) {
            double one = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return one < 0 ? new double[0] : new double[] {one};
        }
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
