package com.tradingcontrol.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Turns the VALUE argument of {@code config set} into the JSON value the API expects:
 * {@code true}/{@code false} become booleans, numerals become numbers, anything else a string.
 * The server checks the type against the catalogue; this only decides how to encode.
 */
public final class ConfigValues {

    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ConfigValues() {
    }

    public static JsonNode parse(String raw, boolean forceString) {
        if (forceString) {
            return NODES.textNode(raw);
        }
        if (raw.equals("true") || raw.equals("false")) {
            return NODES.booleanNode(Boolean.parseBoolean(raw));
        }
        if (INTEGER.matcher(raw).matches()) {
            return NODES.numberNode(Long.parseLong(raw));
        }
        if (DECIMAL.matcher(raw).matches()) {
            return NODES.numberNode(new BigDecimal(raw));
        }
        return NODES.textNode(raw);
    }
}
