package com.tradingcontrol.projections.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Field-by-field comparison of two JSON documents. Objects are compared by dotted path; arrays and
 * scalars as whole values; numbers by value, because stores may hand back 5 as an int or a long.
 */
final class DocumentDiff {

    /** A differing field: its path and the two values (null when absent on that side). */
    record FieldDifference(String field, JsonNode expected, JsonNode actual) {
    }

    private DocumentDiff() {
    }

    static List<FieldDifference> compare(ObjectNode expected, ObjectNode actual) {
        Map<String, JsonNode> left = flatten(expected);
        Map<String, JsonNode> right = flatten(actual);
        List<FieldDifference> out = new ArrayList<>();
        TreeSet<String> fields = new TreeSet<>(left.keySet());
        fields.addAll(right.keySet());
        for (String field : fields) {
            JsonNode l = left.get(field);
            JsonNode r = right.get(field);
            if (!same(l, r)) {
                out.add(new FieldDifference(field, l, r));
            }
        }
        return out;
    }

    static Map<String, JsonNode> flatten(ObjectNode doc) {
        Map<String, JsonNode> out = new TreeMap<>();
        flatten("", doc, out);
        return out;
    }

    private static void flatten(String prefix, ObjectNode node, Map<String, JsonNode> out) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            if (field.getValue() instanceof ObjectNode child && !child.isEmpty()) {
                flatten(path, child, out);
            } else {
                out.put(path, field.getValue());
            }
        }
    }

    static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }
}
