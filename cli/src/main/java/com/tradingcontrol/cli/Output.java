package com.tradingcontrol.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Human output (lines and small aligned tables) or, with {@code --json}, the raw response. */
public final class Output {

    private static final int MAX_CELL = 60;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    public Output(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    public boolean json() {
        return json;
    }

    public void raw(String body) {
        out.println(body == null ? "" : body.stripTrailing());
        out.flush();
    }

    public void line(String text) {
        out.println(text);
        out.flush();
    }

    /** A note for the operator that must not pollute piped output (e.g. an export to stdout). */
    public void note(String text) {
        err.println(text);
        err.flush();
    }

    public void table(List<String> header, List<List<String>> rows) {
        if (rows.isEmpty()) {
            line("(none)");
            return;
        }
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        rows.forEach(row -> all.add(row.stream().map(Output::clip).toList()));
        for (List<String> row : all) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String cell = row.get(i);
                text.append(i == widths.length - 1 ? cell : String.format("%-" + widths[i] + "s  ", cell));
            }
            line(text.toString().stripTrailing());
        }
    }

    /** A JSON field as display text: "-" when absent or null, the subject for actor objects. */
    public static String text(JsonNode node, String field) {
        return text(node.path(field));
    }

    public static String text(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "-";
        }
        if (value.isObject() && value.has("subject")) {
            return value.path("subject").asText();
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static String clip(String cell) {
        String single = cell.replace('\n', ' ');
        return single.length() > MAX_CELL ? single.substring(0, MAX_CELL - 1) + "…" : single;
    }
}
